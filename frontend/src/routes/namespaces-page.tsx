import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { z } from "zod";

import { groupsQuery, hasRole } from "../api/groups";
import { type BaseImage, baseImagesQuery, namespacesQuery, useCreateNamespace } from "../api/namespaces";
import { flatItems } from "../api/pages";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { Field } from "../components/field";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";
import { NAMESPACE_HINT, namespaceNameError } from "../lib/image-names";

const schema = z.object({
  name: z.string().trim().superRefine((v, ctx) => {
    const error = namespaceNameError(v);
    if (error) ctx.addIssue({ code: "custom", message: error });
  }),
  group_id: z.string().min(1, "Pick a group you administer"),
  public: z.boolean(),
});

function CreateNamespaceForm({ onDone }: { onDone: () => void }) {
  const groups = flatItems(useInfiniteQuery(groupsQuery()).data).filter((g) => hasRole(g.my_role, "admin"));
  const create = useCreateNamespace();
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", group_id: "", public: false } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutate(values, { onSuccess: (ns) => navigate(`/namespaces/${ns.name}`) }));
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-label="New namespace">
      <h2>New namespace</h2>
      <div className="form-row">
        <Field label="Name" htmlFor="ns-name" error={errors.name?.message} hint={NAMESPACE_HINT}>
          <input id="ns-name" autoFocus {...form.register("name")} />
        </Field>
        <Field label="Owning group" htmlFor="ns-group" error={errors.group_id?.message}>
          <select id="ns-group" {...form.register("group_id")}>
            <option value="">—</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </Field>
        <Field label="Public" htmlFor="ns-public" hint="Anyone signed in may pull">
          <input id="ns-public" type="checkbox" style={{ width: "auto" }} {...form.register("public")} />
        </Field>
      </div>
      <ProblemAlert error={create.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>Create namespace</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

export function BaseImagesTable({ images }: { images: BaseImage[] }) {
  return (
    <table className="table" data-testid="base-images">
      <thead>
        <tr><th>Name</th><th>Image</th><th>Kind</th><th>Description</th></tr>
      </thead>
      <tbody>
        {images.map((b) => (
          <tr key={b.image}>
            <td className="strong">{b.name}</td>
            <td><code>{b.image}</code> <CopyButton text={b.image} /></td>
            <td><Badge tone={b.kind === "platform" ? "blue" : "green"}>{b.kind}</Badge></td>
            <td className="muted">{b.description || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NamespacesPage() {
  const query = useInfiniteQuery(namespacesQuery());
  const namespaces = flatItems(query.data);
  const baseImages = useQuery(baseImagesQuery());
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Images" actions={
        !creating && <button className="btn btn-primary" onClick={() => setCreating(true)}>New namespace</button>
      }>
        <p className="muted">
          Registry namespaces: a group's viewers pull, developers push, admins manage; names are unique.
        </p>
      </PageHeader>
      {creating && <CreateNamespaceForm onDone={() => setCreating(false)} />}
      <section className="card">
        <div className="card-head"><h2>Namespaces</h2></div>
        {namespaces.length > 0 && (
          <table className="table" data-testid="namespaces">
            <thead>
              <tr><th>Name</th><th>Your access</th><th>Visibility</th><th>Created</th></tr>
            </thead>
            <tbody>
              {namespaces.map((ns) => (
                <tr key={ns.id}>
                  <td><Link to={`/namespaces/${ns.name}`} className="strong">{ns.name}</Link></td>
                  <td><Badge tone="blue">{ns.my_access ?? "—"}</Badge></td>
                  <td>{ns.public ? <Badge tone="amber">public</Badge> : <Badge>private</Badge>}</td>
                  <td className="muted nowrap">{formatDate(ns.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={namespaces.length} empty="No namespaces yet." />
      </section>
      <section className="card">
        <div className="card-head"><h2>Base images</h2></div>
        <ProblemAlert error={baseImages.error} />
        {baseImages.data && <BaseImagesTable images={baseImages.data} />}
      </section>
    </>
  );
}
