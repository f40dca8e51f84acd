import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useParams } from "react-router";

import { buildKeys, buildQuery, useCancelBuild } from "../api/builds";
import { repositoryQuery } from "../api/repositories";
import { Badge } from "../components/badge";
import { CopyButton } from "../components/copy-button";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { isFinished } from "../lib/build-log";
import { buildSeconds, formatDuration, statusTone } from "../lib/build-view";
import { formatDate } from "../lib/format";
import { BuildLogCard } from "./build-log-card";

/** /builds/:buildId — status, step, reason, the rendered Dockerfile and the live log. */
export function BuildPage() {
  const { buildId = "" } = useParams();
  const build = useQuery(buildQuery(buildId));
  const repo = useQuery({ ...repositoryQuery(build.data?.repository_id ?? ""), enabled: !!build.data });
  const cancel = useCancelBuild(buildId);
  const client = useQueryClient();
  // The stream's end frame comes before the next poll: read the final state at once.
  const onEnd = useCallback(() => void client.invalidateQueries({ queryKey: buildKeys.all }), [client]);
  const b = build.data;
  if (!b) return build.isPending ? <p className="muted">Loading…</p> : <ProblemAlert error={build.error} />;
  const r = repo.data;
  const running = !isFinished(b.status);
  const image = b.status === "succeeded" && b.tag && r ? `${r.image}:${b.tag}` : null;

  return (
    <>
      <PageHeader
        title={<>Build <Badge tone={statusTone(b.status)}><span data-testid="build-status">{b.status}</span></Badge></>}
        crumbs={[
          { label: "Images", to: "/namespaces" },
          ...(r ? [{ label: r.namespace, to: `/namespaces/${r.namespace}` }, { label: r.name, to: `/repositories/${r.id}` }] : []),
          { label: b.id.slice(0, 8) },
        ]}
        actions={running && r?.can_write && (
          <button className="btn btn-danger" disabled={cancel.isPending || b.cancel_requested}
            onClick={() => window.confirm("Cancel this build?") && cancel.mutate()}>
            {b.cancel_requested ? "Cancelling…" : "Cancel build"}
          </button>
        )}
      />
      <ProblemAlert error={cancel.error} />
      {b.status === "failed" && b.reason && (
        <div className="alert alert-error" role="alert" data-testid="build-reason">
          <strong>Failed at {b.step ?? "an unknown step"}</strong><span>{b.reason}</span>
        </div>
      )}
      <section className="card">
        <dl className="facts" data-testid="build-facts">
          <dt>Step</dt><dd>{b.step ?? "—"}</dd>
          <dt>Ref</dt><dd><code>{b.ref}</code> <span className="muted small">({b.ref_type}, {b.trigger})</span></dd>
          <dt>Commit</dt><dd className="mono">{b.commit ?? "—"}</dd>
          <dt>Tag</dt><dd className="mono">{b.tag ?? "—"}</dd>
          <dt>Config</dt><dd>c{b.config_revision}</dd>
          {image && <><dt>Image</dt><dd><code>{image}</code> <CopyButton text={image} /></dd></>}
          {b.digest && <><dt>Digest</dt><dd className="mono small">{b.digest}</dd></>}
          {b.reason && b.status !== "failed" && <><dt>Note</dt><dd>{b.reason}</dd></>}
          <dt>Queued</dt><dd>{formatDate(b.created_at)}</dd>
          <dt>Duration</dt><dd>{formatDuration(b.duration_s ?? buildSeconds(b.started_at, b.finished_at))}</dd>
        </dl>
      </section>
      <BuildLogCard buildId={b.id} onEnd={onEnd} />
      {b.dockerfile && (
        <section className="card">
          <div className="card-head"><h2>Dockerfile</h2><CopyButton text={b.dockerfile} /></div>
          <pre className="logs dockerfile" data-testid="dockerfile">{b.dockerfile}</pre>
        </section>
      )}
    </>
  );
}
