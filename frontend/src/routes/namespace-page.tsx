import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { meQuery } from "../api/auth";
import { baseImagesQuery, namespaceQuery, useNamespaceMutations } from "../api/namespaces";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { Field } from "../components/field";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { baseImageRefError, dockerCommands, registryOf } from "../lib/image-names";
import { NamespaceMembersCard } from "./namespace-members-card";
import { NamespaceRepositoriesCard } from "./namespace-repositories-card";

function OfferBaseImageForm({ name }: { name: string }) {
  const { addBaseImage } = useNamespaceMutations(name);
  const [image, setImage] = useState(`${name}/`);
  const [label, setLabel] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const error = baseImageRefError(image.trim(), name) ?? (label.trim() ? null : "Give it a name");
    setShown(error);
    if (!error) {
      addBaseImage.mutate({ image: image.trim(), name: label.trim(), description: "" },
        { onSuccess: () => { setImage(`${name}/`); setLabel(""); } });
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Offer a base image">
      <Field label="Tag" htmlFor="bi-image" error={shown ?? undefined} hint={`${name}/<repository>:<tag>`}>
        <input id="bi-image" value={image} onChange={(e) => setImage(e.target.value)} />
      </Field>
      <Field label="Name" htmlFor="bi-name">
        <input id="bi-name" value={label} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={addBaseImage.isPending}>Offer as base image</button>
      <ProblemAlert error={addBaseImage.error} />
    </form>
  );
}

export function NamespacePage() {
  const { name = "" } = useParams();
  const namespace = useQuery(namespaceQuery(name));
  const me = useQuery(meQuery());
  const baseImages = useQuery(baseImagesQuery());
  const { setPublic, remove, removeBaseImage } = useNamespaceMutations(name);
  const navigate = useNavigate();
  const ns = namespace.data;
  if (!ns) return <ProblemAlert error={namespace.error} />;
  const canManage = ns.my_access === "manage";
  const canPush = ns.my_access !== "pull";
  const registry = registryOf(baseImages.data?.[0]?.image ?? "registry");
  const ours = (baseImages.data ?? []).filter((b) => b.kind === "business" && b.namespace === name);
  const commands = dockerCommands(registry, name, me.data?.username ?? "<you>");
  return (
    <>
      <PageHeader title={ns.name} crumbs={[{ label: "Images", to: "/namespaces" }, { label: ns.name }]}
        actions={canManage && (
          <button className="btn btn-danger" disabled={remove.isPending}
            onClick={() => window.confirm(`Delete the namespace ${ns.name}?`)
              && remove.mutate(undefined, { onSuccess: () => navigate("/namespaces") })}>
            Delete
          </button>
        )}>
        <p className="muted">
          Your access: <Badge tone="blue">{ns.my_access ?? "—"}</Badge>{" "}
          {ns.public ? <Badge tone="amber">public</Badge> : <Badge>private</Badge>}{" "}
          Owned by <Link to={`/groups/${ns.group_id}/members`}>its group</Link>.
        </p>
      </PageHeader>
      <ProblemAlert error={remove.error ?? setPublic.error} />
      <section className="card">
        <div className="card-head"><h2>Docker</h2><CopyButton text={commands} /></div>
        <pre className="logs" data-testid="docker-commands">{commands}</pre>
        {canManage && (
          <label style={{ display: "flex", gap: 8, alignItems: "center", marginTop: 12 }}>
            <input type="checkbox" style={{ width: "auto" }} checked={ns.public}
              disabled={setPublic.isPending} onChange={(e) => setPublic.mutate(e.target.checked)} />
            Public: anyone signed in may pull (never anonymous)
          </label>
        )}
      </section>
      <NamespaceRepositoriesCard name={name} canPush={canPush} />
      <NamespaceMembersCard name={name} canManage={canManage} canSee />
      <section className="card">
        <div className="card-head"><h2>Business base images</h2></div>
        {canPush && <OfferBaseImageForm name={name} />}
        {ours.length > 0 ? (
          <table className="table" data-testid="namespace-base-images">
            <thead><tr><th>Name</th><th>Image</th><th /></tr></thead>
            <tbody>
              {ours.map((b) => (
                <tr key={b.image}>
                  <td className="strong">{b.name}</td>
                  <td><code>{b.image}</code></td>
                  <td className="row-actions">
                    {canPush && b.id && (
                      <button className="btn btn-small btn-danger" disabled={removeBaseImage.isPending}
                        onClick={() => removeBaseImage.mutate(b.id as string)}>Withdraw</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="muted">None offered yet.</p>}
        <ProblemAlert error={removeBaseImage.error} />
      </section>
    </>
  );
}
