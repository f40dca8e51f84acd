import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { groupQuotasQuery, usageText } from "../api/quotas";
import { ProblemAlert } from "../components/problem-alert";
import { useGroup } from "./group-page";

/** What the group may use of each public cluster, and what it uses now. */
export function GroupQuotasTab() {
  const group = useGroup();
  const query = useQuery(groupQuotasQuery(group.id));
  if (query.isPending) return <p className="muted">Loading…</p>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const quotas = query.data;
  return (
    <section className="card">
      <div className="card-head">
        <h2>Quotas</h2>
        <span className="muted small">Set by platform admins on public clusters; private clusters have none.</span>
      </div>
      {quotas.length === 0 ? (
        <p className="muted">No quota: this group may use any public cluster as far as its hosts allow.</p>
      ) : (
        <table className="table" data-testid="quotas">
          <thead><tr><th>Cluster</th><th>Containers</th><th>Memory</th></tr></thead>
          <tbody>
            {quotas.map((q) => (
              <tr key={q.cluster_id}>
                <td><Link to={`/clusters/${q.cluster_id}`}>{q.cluster_id.slice(0, 8)}</Link></td>
                <td>{usageText(q.used_containers, q.containers)}</td>
                <td>{usageText(q.used_memory_mb, q.memory_mb, " MB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
