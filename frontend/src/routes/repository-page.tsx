import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";

import { buildsQuery } from "../api/builds";
import { groupQuery, hasRole } from "../api/groups";
import { namespaceQuery } from "../api/namespaces";
import { flatItems } from "../api/pages";
import { repositoryQuery, useRepositoryMutations } from "../api/repositories";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { changedFields, fromRepository, toRepositoryBody } from "../lib/repository-form";
import { RepositoryBuildsCard } from "./repository-builds-card";
import { RepositoryFollowCard } from "./repository-follow-card";
import { RepositoryForm } from "./repository-form";
import { RepositoryTagsCard } from "./repository-tags-card";
import { RepositoryWebhookCard } from "./repository-webhook-card";

/** The Dockerfile the platform rendered for the newest build that has one. */
function DockerfileCard({ repoId }: { repoId: string }) {
  const builds = flatItems(useInfiniteQuery(buildsQuery(repoId)).data);
  const latest = builds.find((b) => b.dockerfile);
  if (!latest?.dockerfile) return null;
  return (
    <section className="card">
      <div className="card-head">
        <div className="card-title">
          <h2>Dockerfile</h2>
          <span className="muted small">rendered for the latest build (config c{latest.config_revision})</span>
        </div>
        <CopyButton text={latest.dockerfile} />
      </div>
      <pre className="logs dockerfile" data-testid="dockerfile">{latest.dockerfile}</pre>
    </section>
  );
}

/** /repositories/:repoId — webhook, builds, tags, the rendered Dockerfile and the build form. */
export function RepositoryPage() {
  const { repoId = "" } = useParams();
  const repo = useQuery(repositoryQuery(repoId));
  const ns = useQuery({ ...namespaceQuery(repo.data?.namespace ?? ""), enabled: !!repo.data });
  // Versions are the group's business: only its members see its apps, developers change them.
  const group = useQuery({ ...groupQuery(ns.data?.group_id ?? ""), enabled: !!ns.data, retry: false });
  const { update, remove } = useRepositoryMutations(repoId);
  const navigate = useNavigate();
  const r = repo.data;
  if (!r) return repo.isPending ? <p className="muted">Loading…</p> : <ProblemAlert error={repo.error} />;
  const initial = fromRepository(r);
  const canDelete = ns.data?.my_access === "manage";
  const canDevelop = hasRole(group.data?.my_role, "developer");

  return (
    <>
      <PageHeader title={r.name}
        crumbs={[{ label: "Images", to: "/namespaces" }, { label: r.namespace, to: `/namespaces/${r.namespace}` }, { label: r.name }]}
        actions={canDelete && (
          <button className="btn btn-danger" disabled={remove.isPending}
            onClick={() => window.confirm(`Delete ${r.namespace}/${r.name} and its build history? Its images stay.`)
              && remove.mutate(undefined, { onSuccess: () => navigate(`/namespaces/${r.namespace}`) })}>
            Delete
          </button>
        )}>
        <p className="muted">
          <code>{r.image}</code> <CopyButton text={r.image} /> · builds <code>{r.git_url}</code> @ <code>{r.branch}</code>{" "}
          · <Badge>config c{r.config_revision}</Badge>
          {!r.can_write && <> · <Badge>read only</Badge></>}
        </p>
      </PageHeader>
      <ProblemAlert error={remove.error} />
      <RepositoryWebhookCard repo={r} />
      <RepositoryBuildsCard repo={r} />
      <RepositoryTagsCard repo={r} groupId={canDevelop ? group.data?.id ?? null : null} />
      {group.data && <RepositoryFollowCard repo={r} groupId={group.data.id} canEdit={canDevelop} />}
      <DockerfileCard repoId={r.id} />
      <section className="card form-card">
        <div className="card-head">
          <h2>Build configuration</h2>
          <span className="muted small">Every change raises the config revision (the tag's -cN).</span>
        </div>
        <RepositoryForm key={`${r.config_revision}-${r.updated_at ?? ""}`} initial={initial} readOnly={!r.can_write}
          pending={update.isPending} error={update.error} submitLabel="Save configuration"
          onSubmit={(values) => update.mutate(changedFields(toRepositoryBody(initial), toRepositoryBody(values)))} />
      </section>
    </>
  );
}
