import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";

import { appsQuery } from "../api/apps";
import { flatItems } from "../api/pages";
import { buildsQuery } from "../api/builds";
import { baseImagesQuery, useNamespaceMutations } from "../api/namespaces";
import { type ImageTag, type Repository, repositoryKeys, tagsQuery } from "../api/repositories";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { ListFooter } from "../components/load-more";
import { ProblemAlert } from "../components/problem-alert";
import { formatBytes, shortCommit } from "../lib/build-view";
import { timeAgo } from "../lib/format";

/** Pick an app of the namespace's group; its version form opens with this image filled in. */
function NewVersionPicker({ groupId, image, onClose }: { groupId: string; image: string; onClose: () => void }) {
  const apps = useInfiniteQuery(appsQuery(groupId));
  const list = flatItems(apps.data);
  const [appId, setAppId] = useState("");
  const navigate = useNavigate();
  const go = (e: React.FormEvent) => {
    e.preventDefault();
    if (appId) navigate(`/apps/${appId}?image=${encodeURIComponent(image)}`);
  };
  return (
    <form className="inline-form" onSubmit={go} aria-label="Create a version from this tag"
      onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}>
      <select aria-label="App for the new version" autoFocus value={appId} onChange={(e) => setAppId(e.target.value)} style={{ width: 240 }}>
        <option value="">— app of this group —</option>
        {list.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <button type="submit" className="btn btn-primary btn-small" style={{ marginTop: 0 }} disabled={!appId}>
        Open the version form
      </button>
      <button type="button" className="btn btn-ghost btn-small" style={{ marginTop: 0 }} onClick={onClose}>Cancel</button>
      {apps.isSuccess && list.length === 0 && <span className="muted small">This group has no apps yet.</span>}
      <ProblemAlert error={apps.error} className="inline-alert" />
    </form>
  );
}

/** Offer the tag to the namespace's builds as a business base image (or say it is one). */
function OfferBaseImage({ repo, tag }: { repo: Repository; tag: ImageTag }) {
  const { addBaseImage } = useNamespaceMutations(repo.namespace);
  const offered = useQuery(baseImagesQuery()).data ?? [];
  const ref = `${repo.namespace}/${repo.name}:${tag.tag}`;
  if (offered.some((b) => b.image === ref || b.image.endsWith(`/${ref}`))) return <Badge tone="green">base image</Badge>;
  const offer = () => {
    const name = window.prompt("Name of the base image, as the build form lists it:", `${repo.name} ${tag.tag}`);
    if (name?.trim()) addBaseImage.mutate({ image: ref, name: name.trim(), description: "" });
  };
  return (
    <>
      <button type="button" className="btn btn-small" disabled={addBaseImage.isPending} onClick={offer}>
        Offer as base image
      </button>
      {addBaseImage.error !== null && <ProblemAlert error={addBaseImage.error} />}
    </>
  );
}

function TagRow({ repo, tag, groupId }: { repo: Repository; tag: ImageTag; groupId: string | null }) {
  const [picking, setPicking] = useState(false);
  const image = `${repo.image}:${tag.tag}`;
  return (
    <>
      <tr>
        <td className="mono small strong">{tag.tag}</td>
        <td className="mono small">{shortCommit(tag.commit)}</td>
        <td className="small">c{tag.config_revision}</td>
        <td className="small nowrap">{formatBytes(tag.size)}</td>
        <td className="mono small" title={tag.digest ?? undefined}>{tag.digest ? `${tag.digest.slice(0, 19)}…` : "—"}</td>
        <td className="muted nowrap">
          {tag.build_id ? <Link to={`/builds/${tag.build_id}`}>{timeAgo(tag.created_at)}</Link> : timeAgo(tag.created_at)}
        </td>
        <td className="row-actions">
          <CopyButton text={image} label="Copy image" />
          {repo.can_write && <OfferBaseImage repo={repo} tag={tag} />}
          {groupId && (
            <button type="button" className="btn btn-small" onClick={() => setPicking(!picking)}>
              Create a version from this tag
            </button>
          )}
        </td>
      </tr>
      {picking && groupId && (
        <tr className="note-row">
          <td colSpan={7}><NewVersionPicker groupId={groupId} image={image} onClose={() => setPicking(false)} /></td>
        </tr>
      )}
    </>
  );
}

/** The images the builds pushed, newest first, each deployable as a new app version. */
export function RepositoryTagsCard({ repo, groupId }: { repo: Repository; groupId: string | null }) {
  const query = useInfiniteQuery(tagsQuery(repo.id));
  const tags = flatItems(query.data);
  // A build that just succeeded pushed a tag: read the tags again when the newest one changes.
  const latest = flatItems(useInfiniteQuery(buildsQuery(repo.id)).data).find((b) => b.status === "succeeded")?.id;
  const client = useQueryClient();
  useEffect(() => {
    if (latest) void client.invalidateQueries({ queryKey: repositoryKeys.tags(repo.id) });
  }, [latest, client, repo.id]);
  return (
    <section className="card">
      <div className="card-head"><h2>Tags</h2><span className="muted small mono">{repo.image}</span></div>
      {tags.length > 0 && (
        <table className="table" data-testid="tags">
          <thead><tr><th>Tag</th><th>Commit</th><th>Config</th><th>Size</th><th>Digest</th><th>Built</th><th /></tr></thead>
          <tbody>{tags.map((t) => <TagRow key={t.tag} repo={repo} tag={t} groupId={groupId} />)}</tbody>
        </table>
      )}
      <ListFooter query={query} count={tags.length} empty="No tags yet: a successful build pushes one." />
    </section>
  );
}
