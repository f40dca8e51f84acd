import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import {
  type NamespaceMember, namespaceMembersQuery, type RegistryAccess, useNamespaceMutations,
} from "../api/namespaces";
import { Badge } from "../components/badge";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";

const ACCESS: RegistryAccess[] = ["pull", "push"];

function MemberRow({ name, member, canManage }: { name: string; member: NamespaceMember; canManage: boolean }) {
  const { setAccess, removeMember } = useNamespaceMutations(name);
  const busy = setAccess.isPending || removeMember.isPending;
  const error = setAccess.error ?? removeMember.error;
  return (
    <>
      <tr>
        <td className="strong">{member.username}</td>
        <td>
          {canManage ? (
            <select aria-label={`Access of ${member.username}`} value={member.access} disabled={busy}
              onChange={(e) => setAccess.mutate({ userId: member.user_id, access: e.target.value as RegistryAccess })}>
              {ACCESS.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          ) : <Badge tone="blue">{member.access}</Badge>}
        </td>
        <td className="row-actions">
          {canManage && (
            <button className="btn btn-small btn-danger" disabled={busy}
              onClick={() => window.confirm(`Remove ${member.username}?`) && removeMember.mutate(member.user_id)}>
              Remove
            </button>
          )}
        </td>
      </tr>
      {error && <tr><td colSpan={3}><ProblemAlert error={error} /></td></tr>}
    </>
  );
}

function AddMemberForm({ name }: { name: string }) {
  const { addMember } = useNamespaceMutations(name);
  const [username, setUsername] = useState("");
  const [access, setAccess] = useState<RegistryAccess>("pull");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (username.trim()) addMember.mutate({ username: username.trim(), access }, { onSuccess: () => setUsername("") });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add namespace member">
      <Field label="Username" htmlFor="nsm-username">
        <input id="nsm-username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field label="Access" htmlFor="nsm-access">
        <select id="nsm-access" value={access} onChange={(e) => setAccess(e.target.value as RegistryAccess)}>
          {ACCESS.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </Field>
      <button type="submit" className="btn btn-primary" disabled={addMember.isPending}>Add member</button>
      <ProblemAlert error={addMember.error} />
    </form>
  );
}

/** Users outside the owning group who may pull or push; group members need no entry. */
export function NamespaceMembersCard({ name, canManage, canSee }: { name: string; canManage: boolean; canSee: boolean }) {
  const members = useQuery({ ...namespaceMembersQuery(name), enabled: canSee });
  if (!canSee) return null;
  return (
    <section className="card">
      <div className="card-head"><h2>Extra members</h2></div>
      <p className="muted">The owning group's members need no entry: viewers pull, developers push.</p>
      {canManage && <AddMemberForm name={name} />}
      <ProblemAlert error={members.error} />
      {members.data && members.data.length > 0 ? (
        <table className="table" data-testid="namespace-members">
          <thead><tr><th>User</th><th>Access</th><th /></tr></thead>
          <tbody>
            {members.data.map((m) => <MemberRow key={m.user_id} name={name} member={m} canManage={canManage} />)}
          </tbody>
        </table>
      ) : <p className="muted">No extra members.</p>}
    </section>
  );
}
