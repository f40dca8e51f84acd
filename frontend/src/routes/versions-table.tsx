import type { UseInfiniteQueryResult } from "@tanstack/react-query";

import type { HealthCheck, Version } from "../api/versions";
import { Badge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { formatArgs } from "../lib/args";
import { formatEnv } from "../lib/env";
import { formatDate, timeAgo } from "../lib/format";
import { formatPorts } from "../lib/ports";
import { formatVolumes } from "../lib/volumes";

function health(check: HealthCheck | null | undefined): string {
  if (!check) return "—";
  if (check.type === "http") return `HTTP ${check.path ?? "/"}${check.port ? ` :${check.port}` : ""}`;
  if (check.type === "tcp") return `TCP${check.port ? ` :${check.port}` : ""}`;
  return `cmd: ${(check.command ?? []).join(" ")}`;
}

/** An image reference that may wrap after each "/" but never inside a name. */
function breakable(image: string) {
  return image.split("/").map((part, i, all) => (
    <span key={i} className="nowrap">{part}{i < all.length - 1 && "/"}{i < all.length - 1 && <wbr />}</span>
  ));
}

/** An app's versions, newest first (the server's order). */
export function VersionsTable({ versions, query }: { versions: Version[]; query: UseInfiniteQueryResult<unknown> }) {
  return (
    <>
      {versions.length > 0 && (
        <table className="table" data-testid="versions-table">
          <thead>
            <tr>
              <th>Version</th><th>Image</th><th>Env</th><th>Ports</th><th>Resources</th>
              <th>Health check</th><th>Created</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const env = Object.keys(v.env ?? {}).sort();
              return (
                <tr key={v.id} data-testid={`version-${v.number}`}>
                  <td><Badge tone="blue">v{v.number}</Badge></td>
                  <td>
                    <code>{breakable(v.image)}</code>
                    {v.command?.length ? <div className="mono small" title="Command">$ {formatArgs(v.command)}</div> : null}
                    {v.volumes?.length ? <div className="mono small" title="Volumes">{formatVolumes(v.volumes).replaceAll("\n", ", ")}</div> : null}
                    {v.note && <div className="muted small">{v.note}</div>}
                  </td>
                  <td title={formatEnv(v.env ?? {})} className="env-cell">
                    {env.length ? env.map((name) => <span key={name} className="chip">{name}</span>) : "—"}
                  </td>
                  <td className="mono small">{formatPorts(v.ports) || "—"}</td>
                  <td className="nowrap small">{v.memory_mb ?? 128} MiB · {v.cpu_shares ?? 1024} cpu</td>
                  <td className="small">{health(v.health_check)}</td>
                  <td className="muted nowrap" title={formatDate(v.created_at)}>{timeAgo(v.created_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={versions.length} empty="No versions yet. Create the first one to deploy this app." />
    </>
  );
}
