import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { meQuery, type User } from "../api/auth";
import { flatItems } from "../api/pages";
import { useCreateUser, useResetPassword, useUpdateUser, usersQuery } from "../api/users";
import { Badge } from "../components/badge";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";

/** Platform admins manage users here; others are told the page is not theirs. */
export function UsersPage() {
  const me = useQuery(meQuery());
  const [creating, setCreating] = useState(false);
  if (me.isPending) return <p className="muted">Loading…</p>;
  if (!me.data?.is_admin) {
    return <><PageHeader title="Users" /><p className="muted">Only platform admins manage users.</p></>;
  }
  return (
    <>
      <PageHeader title="Users" actions={!creating && (
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>New user</button>)}>
        <p className="muted">Everyone who can sign in. Disabling a user ends their sessions and tokens at once.</p>
      </PageHeader>
      {creating && <NewUserForm onDone={() => setCreating(false)} />}
      <UsersTable meId={me.data.id} />
    </>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const create = useCreateUser();
  const first = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState({ username: "", password: "", email: "", is_admin: false });
  useEffect(() => first.current?.focus(), []);
  return (
    <form className="card form-card" aria-label="New user" onKeyDown={(e) => { if (e.key === "Escape") onDone(); }}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ ...values, email: values.email || null }, { onSuccess: onDone });
      }}>
      <div className="card-head"><h2>New user</h2></div>
      <div className="form-row">
        <Field label="Username" htmlFor="user-username">
          <input id="user-username" ref={first} value={values.username} autoComplete="off"
            onChange={(e) => setValues({ ...values, username: e.target.value })} />
        </Field>
        <Field label="Password" htmlFor="user-password" hint="At least 8 characters">
          <input id="user-password" type="password" value={values.password} autoComplete="new-password"
            onChange={(e) => setValues({ ...values, password: e.target.value })} />
        </Field>
        <Field label="Email" htmlFor="user-email" hint="Optional">
          <input id="user-email" type="email" value={values.email}
            onChange={(e) => setValues({ ...values, email: e.target.value })} />
        </Field>
        <label className="check"><input type="checkbox" checked={values.is_admin}
          onChange={(e) => setValues({ ...values, is_admin: e.target.checked })} /> Platform admin</label>
      </div>
      <ProblemAlert error={create.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>Create user</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function UsersTable({ meId }: { meId: string }) {
  const query = useInfiniteQuery(usersQuery());
  const users = flatItems(query.data);
  return (
    <section className="card">
      <table className="table" data-testid="users-table">
        <thead><tr><th>Username</th><th>Email</th><th>Role</th><th>Status</th><th>Created</th><th /></tr></thead>
        <tbody>{users.map((u) => <UserRow key={u.id} user={u} self={u.id === meId} />)}</tbody>
      </table>
      <ListFooter query={query} count={users.length} empty="No users." />
    </section>
  );
}

function UserRow({ user: u, self }: { user: User; self: boolean }) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");
  const change = (what: string, body: Parameters<typeof update.mutate>[0]["change"]) => {
    if (window.confirm(`${what} ${u.username}?`)) update.mutate({ userId: u.id, change: body });
  };
  return (
    <>
      <tr data-testid={`user-${u.username}`}>
        <td className="strong">{u.username}{self && <span className="muted"> (you)</span>}</td>
        <td>{u.email ?? <span className="muted">—</span>}</td>
        <td>{u.is_admin ? <Badge tone="blue">platform admin</Badge> : <Badge>user</Badge>}</td>
        <td>{u.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">disabled</Badge>}</td>
        <td className="muted nowrap">{formatDate(u.created_at)}</td>
        <td className="row-actions">
          {/* Your own account: nothing here could lock you out. */}
          {!self && (
            <>
              <button type="button" className="btn btn-small" onClick={() => setResetting(!resetting)}>Reset password</button>
              {u.is_admin
                ? <button type="button" className="btn btn-small" onClick={() => change("Revoke platform admin from", { is_admin: false })}>Revoke admin</button>
                : <button type="button" className="btn btn-small" onClick={() => change("Make platform admin:", { is_admin: true })}>Make admin</button>}
              {u.is_active
                ? <button type="button" className="btn btn-small btn-danger" onClick={() => change("Disable (ends every session of)", { is_active: false })}>Disable</button>
                : <button type="button" className="btn btn-small" onClick={() => change("Enable", { is_active: true })}>Enable</button>}
            </>
          )}
        </td>
      </tr>
      {(update.error || resetting || reset.isSuccess) && (
        <tr className="note-row"><td colSpan={6}>
          <ProblemAlert error={update.error} />
          {resetting && (
            <form className="form-row" aria-label={`New password for ${u.username}`}
              onKeyDown={(e) => { if (e.key === "Escape") setResetting(false); }}
              onSubmit={(e) => {
                e.preventDefault();
                reset.mutate({ userId: u.id, password }, { onSuccess: () => { setResetting(false); setPassword(""); } });
              }}>
              <Field label="New password" htmlFor={`pw-${u.id}`} hint="Their login sessions end; API tokens stay.">
                <input id={`pw-${u.id}`} type="password" autoFocus value={password} autoComplete="new-password"
                  onChange={(e) => setPassword(e.target.value)} />
              </Field>
              <button type="submit" className="btn btn-small btn-primary" disabled={reset.isPending}>Set password</button>
              <ProblemAlert error={reset.error} />
            </form>
          )}
          {reset.isSuccess && !resetting && <p className="small" role="status">The password of {u.username} was changed.</p>}
        </td></tr>
      )}
    </>
  );
}
