import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { buildsQuery, useStartBuild } from "../api/builds";
import { flatItems } from "../api/pages";
import type { Repository } from "../api/repositories";
import { Badge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { ProblemAlert } from "../components/problem-alert";
import { buildSeconds, formatDuration, shortCommit, statusTone } from "../lib/build-view";
import { timeAgo } from "../lib/format";

function BuildNowForm({ repo }: { repo: Repository }) {
  const start = useStartBuild(repo.id);
  const navigate = useNavigate();
  const [ref, setRef] = useState("");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start.mutate(ref.trim() || null, { onSuccess: (build) => navigate(`/builds/${build.id}`) });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Build now">
      <input aria-label="Branch or tag to build" className="mono" style={{ width: 260 }} value={ref}
        placeholder={`${repo.branch} (or another branch, a tag)`} onChange={(e) => setRef(e.target.value)} />
      <button type="submit" className="btn btn-primary" style={{ marginTop: 0 }} disabled={start.isPending}>Build now</button>
      <ProblemAlert error={start.error} className="inline-alert" />
    </form>
  );
}

/** The repository's builds, newest first; polled while one is queued or running. */
export function RepositoryBuildsCard({ repo }: { repo: Repository }) {
  const query = useInfiniteQuery(buildsQuery(repo.id));
  const builds = flatItems(query.data);
  return (
    <section className="card">
      <div className="card-head"><h2>Builds</h2></div>
      {repo.can_write && <BuildNowForm repo={repo} />}
      {builds.length > 0 && (
        <table className="table" data-testid="builds">
          <thead>
            <tr><th>Status</th><th>Ref</th><th>Commit</th><th>Tag</th><th>Step</th><th>Duration</th><th>Started</th></tr>
          </thead>
          <tbody>
            {builds.map((b) => (
              <tr key={b.id}>
                <td><Link to={`/builds/${b.id}`}><Badge tone={statusTone(b.status)}>{b.status}</Badge></Link></td>
                <td className="mono small"><Link to={`/builds/${b.id}`}>{b.ref}</Link> <span className="muted">{b.trigger}</span></td>
                <td className="mono small">{shortCommit(b.commit)}</td>
                <td className="mono small">{b.tag ?? "—"}</td>
                <td className="small">{b.step ?? "—"}</td>
                <td className="nowrap small">{formatDuration(b.duration_s ?? buildSeconds(b.started_at, b.finished_at))}</td>
                <td className="muted nowrap">{timeAgo(b.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={builds.length} empty="No builds yet: push to the branch or press Build now." />
    </section>
  );
}
