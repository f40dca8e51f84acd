import { type FormEvent, useState } from "react";

import { type Cluster, useUpdateCluster } from "../api/clusters";
import { ProblemAlert } from "../components/problem-alert";

/** The cluster's description, editable in place by whoever manages the cluster. */
export function ClusterDescription({ cluster, canManage }: { cluster: Cluster; canManage: boolean }) {
  const update = useUpdateCluster(cluster.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(cluster.description);
  const summary = cluster.description || `${cluster.hosts_ready} of ${cluster.hosts_total} hosts ready.`;
  if (!editing) {
    return (
      <p className="muted">
        {summary}{" "}
        {canManage && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(true)}>Edit</button>
        )}
      </p>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(text, { onSuccess: () => setEditing(false) });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Edit the description">
      <input aria-label="Description" value={text} onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && setEditing(false)} autoFocus />
      <button type="submit" className="btn btn-small" disabled={update.isPending}>Save</button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>Cancel</button>
      <ProblemAlert error={update.error} />
    </form>
  );
}
