import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { appQuery } from "../api/apps";
import { containerQuery, versionQuery } from "../api/container-detail";
import { groupQuery, hasRole } from "../api/groups";
import { Badge } from "../components/badge";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatArgs } from "../lib/args";
import { type ContainerDetail, MASK, unwellReason } from "../lib/container-view";
import { formatDate, shortId } from "../lib/format";
import { healthBadge, publishedAddresses, stateTone } from "../lib/topology";
import { LogsDrawer } from "./deployment/logs-drawer";

/** One container: what runs, where, how it is doing, and why it is unwell when it is. */
export function ContainerPage() {
  const { containerId = "" } = useParams();
  const container = useQuery(containerQuery(containerId));
  const c = container.data;
  const app = useQuery({ ...appQuery(c?.app_id ?? ""), enabled: !!c });
  const group = useQuery({ ...groupQuery(app.data?.group_id ?? ""), enabled: !!app.data });
  const version = useQuery({ ...versionQuery(c?.app_id ?? "", c?.version ?? 0), enabled: !!c });
  const [logs, setLogs] = useState(false);

  if (container.isPending) return <p className="muted">Loading…</p>;
  if (container.isError) return <ProblemAlert error={container.error} />;
  if (!c) return null;
  const canDevelop = hasRole(group.data?.my_role, "developer");
  const reason = unwellReason(c);
  const health = healthBadge(c.health, c.state);
  const v = version.data;
  const addresses = publishedAddresses(c.ports);

  return (
    <>
      <PageHeader title={`Container ${shortId(c.id)}`}
        crumbs={[{ label: "Groups", to: "/groups" },
          ...(app.data ? [{ label: app.data.name, to: `/apps/${app.data.id}` }] : [])]}
        actions={<button type="button" className="btn" onClick={() => setLogs(true)}>Logs</button>}>
        <p className="muted mono small">{c.name}</p>
      </PageHeader>
      {reason && (
        <div className="alert alert-error" role="alert" data-testid="unwell-reason">
          <strong>{c.health === "unhealthy" ? "Unhealthy" : "Not running as it should"}</strong>
          <span>{reason}</span>
        </div>
      )}
      <section className="card">
        <div className="card-head"><h2>Overview</h2></div>
        <dl className="facts" data-testid="container-facts">
          <dt>State</dt><dd><Badge tone={stateTone(c.state)}>{c.state}</Badge> {health && <Badge tone={health.tone}>{health.label}</Badge>}
            {c.serving ? " serving" : ""} <span className="muted">(wanted: {c.desired_state})</span></dd>
          <dt>Exit code</dt><dd>{c.exit_code ?? "—"}</dd>
          <dt>Restarts</dt><dd>{c.restart_count ?? 0}</dd>
          <dt>Version</dt><dd>{app.data ? <Link to={`/apps/${app.data.id}`}>v{c.version}</Link> : `v${c.version}`}</dd>
          <dt>Image</dt><dd className="mono">{v?.image ?? "…"}</dd>
          <dt>Command</dt><dd className="mono">{v ? (v.command?.length ? formatArgs(v.command) : "the image's own") : "…"}</dd>
          <dt>Host</dt><dd>{c.host_name ?? <span className="muted">not placed</span>}</dd>
          <dt>Ports</dt><dd className="mono">{addresses.length ? addresses.map((a) => `${a.address} → ${a.port}`).join(", ") : "—"}</dd>
          <dt>Docker id</dt><dd className="mono small">{c.docker_id ? c.docker_id.slice(0, 12) : "—"}</dd>
          <dt>Created</dt><dd>{formatDate(c.created_at)}</dd>
        </dl>
      </section>
      {v && <EnvCard env={v.env ?? {}} canReveal={canDevelop} />}
      <HealthLog container={c} />
      {logs && <LogsDrawer target={{ id: c.id, host: c.host_name, version: c.version }} onClose={() => setLogs(false)} />}
    </>
  );
}

function EnvCard({ env, canReveal }: { env: Record<string, string>; canReveal: boolean }) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const names = Object.keys(env).sort();
  return (
    <section className="card" data-testid="container-env">
      <div className="card-head"><h2>Environment</h2>
        <span className="muted small">{canReveal ? "Values are hidden until you show them." : "Values are visible to developers."}</span></div>
      {names.length === 0 ? <p className="muted list-note">No variables.</p> : (
        <table className="table">
          <tbody>
            {names.map((name) => (
              <tr key={name}>
                <th scope="row" className="mono">{name}</th>
                <td className="mono">{shown.has(name) ? env[name] : MASK}</td>
                <td className="row-actions">
                  {canReveal && (
                    <button type="button" className="btn btn-small btn-ghost" aria-label={`${shown.has(name) ? "Hide" : "Show"} ${name}`}
                      onClick={() => setShown((s) => {
                        const next = new Set(s);
                        if (next.has(name)) next.delete(name); else next.add(name);
                        return next;
                      })}>{shown.has(name) ? "Hide" : "Show"}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HealthLog({ container: c }: { container: ContainerDetail }) {
  const log = c.health_log ?? [];
  return (
    <section className="card" data-testid="health-log">
      <div className="card-head"><h2>Last health checks</h2></div>
      {log.length === 0 ? <p className="muted list-note">No health-check results reported.</p> : (
        <table className="table">
          <thead><tr><th>Ended</th><th>Exit code</th><th>Output</th></tr></thead>
          <tbody>
            {[...log].reverse().map((r, i) => (
              <tr key={`${r.end}-${i}`}>
                <td className="nowrap small">{formatDate(r.end)}</td>
                <td>{r.exit_code === 0 ? <Badge tone="green">0</Badge> : <Badge tone="red">{r.exit_code ?? "timeout"}</Badge>}</td>
                <td><pre className="mono small health-output">{r.output.trim() || "—"}</pre></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
