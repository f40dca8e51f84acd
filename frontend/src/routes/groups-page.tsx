import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { z } from "zod";

import { groupsQuery, useCreateGroup } from "../api/groups";
import { flatItems } from "../api/pages";
import { RoleBadge } from "../components/badge";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";
import { NAME_HINT, NAME_PATTERN } from "../lib/names";

const schema = z.object({
  name: z.string().trim().regex(NAME_PATTERN, NAME_HINT),
  description: z.string().max(1000),
});

function CreateGroupForm({ onDone }: { onDone: () => void }) {
  const create = useCreateGroup();
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", description: "" } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutate(values, { onSuccess: (group) => navigate(`/groups/${group.id}/apps`) }));
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-label="New group">
      <h2>New group</h2>
      <div className="form-row">
        <Field label="Name" htmlFor="group-name" error={errors.name?.message} hint={NAME_HINT}>
          <input id="group-name" autoFocus {...form.register("name")} />
        </Field>
        <Field label="Description" htmlFor="group-description" error={errors.description?.message} className="grow">
          <input id="group-description" {...form.register("description")} />
        </Field>
      </div>
      <ProblemAlert error={create.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>Create group</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

export function GroupsPage() {
  const query = useInfiniteQuery(groupsQuery());
  const groups = flatItems(query.data);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Groups" actions={
        !creating && <button className="btn btn-primary" onClick={() => setCreating(true)}>New group</button>
      }>
        <p className="muted">Teams own apps, members and private clusters.</p>
      </PageHeader>
      {creating && <CreateGroupForm onDone={() => setCreating(false)} />}
      <section className="card">
        {groups.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Description</th><th>Your role</th><th>Created</th></tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <td><Link to={`/groups/${g.id}/apps`} className="strong">{g.name}</Link></td>
                  <td className="muted">{g.description || "—"}</td>
                  <td><RoleBadge role={g.my_role} /></td>
                  <td className="muted nowrap">{formatDate(g.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={groups.length} empty="No groups yet. Create one to start deploying apps." />
      </section>
    </>
  );
}
