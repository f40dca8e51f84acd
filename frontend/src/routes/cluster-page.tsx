import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { meQuery } from "../api/auth";
import { clusterQuery, type Host, hostsQuery, useCordonHost } from "../api/clusters";
import { groupQuery, hasRole } from "../api/groups";
import { flatItems } from "../api/pages";
import { Badge, HostStatusBadge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { timeAgo } from "../lib/format";
import { ClusterDescription } from "./cluster-description";
import { ClusterQuotasCard } from "./cluster-quotas-card";
import { HostDrainButton } from "./host-drain-button";
import { JoinTokenCard } from "./join-token-card";

function fact(host: Host, key: string): string | null {
  const value = host.facts[key];
  return typeof value === "number" || typeof value === "string" ? String(value) : null;
}

/** Memory facts in MiB, whichever unit the reporter used (bytes or *_mb). */
function mib(host: Host, key: string): number {
  const mb = Number(host.facts[`${key}_mb`]);
  if (!Number.isNaN(mb)) return mb;
  return Number(host.facts[key]) / 2 ** 20;
}

function memory(host: Host): string {
  const total = mib(host, "memory_total");
  const free = mib(host, "memory_free");
  if (Number.isNaN(total)) return "—";
  const gib = (m: number) => `${(m / 1024).toFixed(1)} GiB`;
  return Number.isNaN(free) ? gib(total) : `${gib(total - free)} used of ${gib(total)}`;
}

/** `canManage`: cordon and drain are shown only to who may use them (cluster admins). */
function HostRow({ host, clusterId, canManage }: { host: Host; clusterId: string; canManage: boolean }) {
  const cordon = useCordonHost(clusterId);
  return (
    <>
      <tr>
        <td className="strong">{host.name}</td>
        <td><HostStatusBadge status={host.status} /></td>
        <td className="mono small">{host.address}</td>
        <td className="small">{fact(host, "cpus") ? `${fact(host, "cpus")} cpu · ${memory(host)}` : "—"}</td>
        <td className="small" data-testid="host-containers">{host.containers}</td>
        <td className="small muted">{fact(host, "engine_version") ?? "—"}</td>
        <td className="muted nowrap">{timeAgo(host.last_seen_at)}</td>
        <td className="row-actions">
          {canManage ? (
            <>
              <label className="toggle">
                <input type="checkbox" checked={host.cordoned} disabled={cordon.isPending}
                  onChange={(e) => {
                    const cordoned = e.target.checked;
                    const ask = cordoned ? `Cordon ${host.name}? It keeps its containers but gets no new ones.`
                      : `Uncordon ${host.name}? New containers may be placed on it again.`;
                    if (window.confirm(ask)) cordon.mutate({ hostId: host.id, cordoned });
                  }} />
                Cordoned
              </label>
              <HostDrainButton host={host} clusterId={clusterId} />
            </>
          ) : host.cordoned && <Badge tone="amber">cordoned</Badge>}
        </td>
      </tr>
      {cordon.error && <tr><td colSpan={8}><ProblemAlert error={cordon.error} /></td></tr>}
    </>
  );
}

export function ClusterPage() {
  const { clusterId = "" } = useParams();
  const cluster = useQuery(clusterQuery(clusterId));
  const me = useQuery(meQuery());
  const query = useInfiniteQuery(hostsQuery(clusterId));
  const group = useQuery({ ...groupQuery(cluster.data?.group_id ?? ""), enabled: !!cluster.data?.group_id });
  const hosts = flatItems(query.data);
  if (cluster.isPending) return <p className="muted">Loading…</p>;
  if (cluster.isError) return <ProblemAlert error={cluster.error} />;
  const c = cluster.data;
  const canManage = !!(c.public ? me.data?.is_admin : hasRole(group.data?.my_role, "admin"));
  return (
    <>
      <PageHeader
        title={<>{c.name} {c.public ? <Badge tone="blue">public</Badge> : <Badge>private</Badge>}</>}
        crumbs={[{ label: "Clusters", to: "/clusters" }]}
      >
        <ClusterDescription cluster={c} canManage={canManage} />
      </PageHeader>
      <section className="card">
        <div className="card-head">
          <h2>Hosts</h2>
          <span className="muted small">A cordoned host keeps its containers but gets no new ones.</span>
        </div>
        {hosts.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Status</th><th>Address</th><th>Capacity</th><th>Containers</th><th>Docker</th><th>Last seen</th><th /></tr>
            </thead>
            <tbody>
              {hosts.map((h) => <HostRow key={h.id} host={h} clusterId={clusterId} canManage={canManage} />)}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={hosts.length} empty="No hosts in this cluster yet." />
      </section>
      {canManage && <JoinTokenCard clusterId={clusterId} />}
      {c.public && me.data?.is_admin && <ClusterQuotasCard clusterId={clusterId} />}
    </>
  );
}
