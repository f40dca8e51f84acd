import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

import { clusterQuotasQuery, useQuotaMutations } from "../api/quotas";
import { ProblemAlert } from "../components/problem-alert";

const limit = (text: string): number | null => (text.trim() === "" ? null : Number(text));

/** Per-group limits on a public cluster (shown to platform admins only). */
export function ClusterQuotasCard({ clusterId }: { clusterId: string }) {
  const query = useQuery(clusterQuotasQuery(clusterId));
  const { set, remove } = useQuotaMutations(clusterId);
  const [groupId, setGroupId] = useState("");
  const [containers, setContainers] = useState("");
  const [memory, setMemory] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set.mutate({ groupId: groupId.trim(), body: { containers: limit(containers), memory_mb: limit(memory) } },
      { onSuccess: () => { setGroupId(""); setContainers(""); setMemory(""); } });
  };
  return (
    <section className="card">
      <div className="card-head">
        <h2>Quotas</h2>
        <span className="muted small">What each group may use here; deploys past a limit are refused.</span>
      </div>
      <ProblemAlert error={query.error} />
      {query.data && query.data.length > 0 && (
        <table className="table" data-testid="cluster-quotas">
          <thead><tr><th>Group</th><th>Containers</th><th>Memory (MB)</th><th /></tr></thead>
          <tbody>
            {query.data.map((q) => (
              <tr key={q.group_id}>
                <td className="mono small">{q.group_id}</td>
                <td>{q.containers ?? "no limit"}</td>
                <td>{q.memory_mb ?? "no limit"}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small btn-ghost" disabled={remove.isPending}
                    onClick={() => window.confirm("Remove this group's quota?") && remove.mutate(q.group_id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={submit} aria-label="Set a quota">
        <label>Group id <input required value={groupId} onChange={(e) => setGroupId(e.target.value)} /></label>
        <label>Containers <input type="number" min={0} value={containers} placeholder="no limit"
          onChange={(e) => setContainers(e.target.value)} /></label>
        <label>Memory (MB) <input type="number" min={0} value={memory} placeholder="no limit"
          onChange={(e) => setMemory(e.target.value)} /></label>
        <button type="submit" className="btn" disabled={set.isPending}>Set quota</button>
      </form>
      <ProblemAlert error={set.error ?? remove.error} />
    </section>
  );
}
