import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { type App, useUpdateApp } from "../api/apps";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";
import { parseDomains } from "../lib/domains";
import { formatDate, shortId } from "../lib/format";

const schema = z.object({
  description: z.string().max(1000),
  domains: z.string().superRefine((text, ctx) => {
    for (const message of parseDomains(text).errors) ctx.addIssue({ code: "custom", message });
  }),
});

function EditForm({ app, onDone }: { app: App; onDone: () => void }) {
  const update = useUpdateApp(app.id);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { description: app.description, domains: app.domains.join("\n") },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ description, domains }) =>
    update.mutate({ description, domains: parseDomains(domains).domains }, { onSuccess: onDone }));
  return (
    <form onSubmit={submit} noValidate aria-label="Edit app">
      <Field label="Description" htmlFor="app-edit-description" error={errors.description?.message}>
        <input id="app-edit-description" {...form.register("description")} />
      </Field>
      <Field label="Domains" htmlFor="app-edit-domains" error={errors.domains?.message}
        hint="One per line; nginx routes them to the app's healthy containers.">
        <textarea id="app-edit-domains" className="mono" rows={3} {...form.register("domains")} />
      </Field>
      <ProblemAlert error={update.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>Save</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

/** Domains and bookkeeping of an app; developers may edit description and domains. */
export function AppDetailsCard({ app, canEdit }: { app: App; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Overview</h2>
        {canEdit && !editing && (
          <button className="btn btn-small" onClick={() => setEditing(true)}>Edit domains</button>
        )}
      </div>
      {editing ? (
        <EditForm app={app} onDone={() => setEditing(false)} />
      ) : (
        <dl className="summary">
          <div>
            <dt>Domains</dt>
            <dd data-testid="app-domains">
              {app.domains.length
                ? app.domains.map((d) => <span key={d} className="chip">{d}</span>)
                : <span className="muted">none</span>}
            </dd>
          </div>
          <div>
            <dt>Latest version</dt>
            <dd>{app.latest_version ? `v${app.latest_version}` : <span className="muted">none</span>}</dd>
          </div>
          <div>
            <dt>Config revision</dt>
            <dd>c{app.config_revision}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatDate(app.created_at)}</dd>
          </div>
          <div>
            <dt>App ID</dt>
            <dd className="mono small" title={app.id}>{shortId(app.id)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
