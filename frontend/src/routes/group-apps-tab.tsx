import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { z } from "zod";

import { appsQuery, useCreateApp } from "../api/apps";
import { hasRole } from "../api/groups";
import { flatItems } from "../api/pages";
import { Badge } from "../components/badge";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { ProblemAlert } from "../components/problem-alert";
import { parseDomains } from "../lib/domains";
import { timeAgo } from "../lib/format";
import { NAME_HINT, NAME_PATTERN } from "../lib/names";
import { useGroup } from "./group-page";

const schema = z.object({
  name: z.string().trim().regex(NAME_PATTERN, NAME_HINT),
  description: z.string().max(1000),
  domains: z.string().superRefine((text, ctx) => {
    for (const message of parseDomains(text).errors) ctx.addIssue({ code: "custom", message });
  }),
});

function CreateAppForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const create = useCreateApp(groupId);
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: "", description: "", domains: "" },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ name, description, domains }) =>
    create.mutate(
      { name, description, domains: parseDomains(domains).domains },
      { onSuccess: (app) => navigate(`/apps/${app.id}`) },
    ));
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-label="New app">
      <h2>New app</h2>
      <div className="form-row">
        <Field label="Name" htmlFor="app-name" error={errors.name?.message} hint={NAME_HINT}>
          <input id="app-name" autoFocus {...form.register("name")} />
        </Field>
        <Field label="Description" htmlFor="app-description" error={errors.description?.message} className="grow">
          <input id="app-description" {...form.register("description")} />
        </Field>
      </div>
      <Field label="Domains" htmlFor="app-domains" error={errors.domains?.message}
        hint="Separated by commas or spaces, e.g. shop.example.com">
        <input id="app-domains" placeholder="shop.example.com" {...form.register("domains")} />
      </Field>
      <ProblemAlert error={create.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>Create app</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

export function GroupAppsTab() {
  const group = useGroup();
  const query = useInfiniteQuery(appsQuery(group.id));
  const apps = flatItems(query.data);
  const [creating, setCreating] = useState(false);
  const canCreate = hasRole(group.my_role, "developer");
  return (
    <>
      {creating && <CreateAppForm groupId={group.id} onDone={() => setCreating(false)} />}
      <section className="card">
        <div className="card-head">
          <h2>Apps</h2>
          {canCreate && !creating && (
            <button className="btn btn-primary" onClick={() => setCreating(true)}>New app</button>
          )}
        </div>
        {apps.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Domains</th><th>Latest version</th><th>Updated</th></tr>
            </thead>
            <tbody>
              {apps.map((app) => (
                <tr key={app.id}>
                  <td>
                    <Link to={`/apps/${app.id}`} className="strong">{app.name}</Link>
                    {app.description && <div className="muted small">{app.description}</div>}
                  </td>
                  <td>{app.domains.length ? app.domains.join(", ") : <span className="muted">—</span>}</td>
                  <td>{app.latest_version ? <Badge tone="blue">v{app.latest_version}</Badge> : <span className="muted">none</span>}</td>
                  <td className="muted nowrap">{timeAgo(app.updated_at ?? app.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={apps.length} empty="No apps in this group yet." />
      </section>
    </>
  );
}
