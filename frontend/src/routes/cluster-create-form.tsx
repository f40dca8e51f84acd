import { type FormEvent, useState } from "react";

import { useCreateCluster } from "../api/clusters";
import type { Group } from "../api/groups";
import { hasRole } from "../api/groups";
import { ProblemAlert } from "../components/problem-alert";

/** A new cluster: public (platform admins) or private to a group the user administers.
 * Shown only to someone who may create one of the two. */
export function ClusterCreateForm({ isAdmin, groups }: { isAdmin: boolean; groups: Group[] }) {
  const owners = groups.filter((g) => hasRole(g.my_role, "admin"));
  const create = useCreateCluster();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [owner, setOwner] = useState(isAdmin ? "" : (owners[0]?.id ?? ""));
  if (!isAdmin && owners.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), description, group_id: owner || null },
      { onSuccess: () => { setName(""); setDescription(""); } });
  };
  return (
    <section className="card">
      <div className="card-head"><h2>New cluster</h2></div>
      <form className="inline-form" onSubmit={submit} aria-label="New cluster">
        <label>Name <input required value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>Description <input value={description} onChange={(e) => setDescription(e.target.value)} /></label>
        <label>Access
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            {isAdmin && <option value="">public (every user)</option>}
            {owners.map((g) => <option key={g.id} value={g.id}>private to {g.name}</option>)}
          </select>
        </label>
        <button type="submit" className="btn" disabled={create.isPending}>Create</button>
      </form>
      <ProblemAlert error={create.error} />
    </section>
  );
}
