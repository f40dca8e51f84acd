import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import { appsQuery } from "../api/apps";
import { flatItems } from "../api/pages";
import { type Repository, useFollowBuilds } from "../api/repositories";
import { Field } from "../components/field";
import { ProblemAlert } from "../components/problem-alert";

/** Apps of the group that get a new version from each matching successful build. */
export function RepositoryFollowCard({ repo, groupId, canEdit }: { repo: Repository; groupId: string; canEdit: boolean }) {
  const apps = flatItems(useInfiniteQuery(appsQuery(groupId)).data);
  const follow = useFollowBuilds();
  const [appId, setAppId] = useState("");
  const [pattern, setPattern] = useState(repo.branch);
  const following = apps.filter((a) => a.auto_version?.repository_id === repo.id);
  const others = apps.filter((a) => a.auto_version?.repository_id !== repo.id);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!appId || !pattern.trim()) return;
    follow.mutate({ appId, follow: { repository_id: repo.id, branch_or_tag_pattern: pattern.trim() } },
      { onSuccess: () => setAppId("") });
  };
  return (
    <section className="card">
      <div className="card-head">
        <h2>Versions from builds</h2>
        <span className="muted small">A successful build whose branch or tag matches makes the app's next version; deploying stays yours.</span>
      </div>
      {following.length > 0 ? (
        <table className="table" data-testid="following-apps">
          <thead><tr><th>App</th><th>Branch or tag pattern</th><th /></tr></thead>
          <tbody>
            {following.map((a) => (
              <tr key={a.id}>
                <td><Link className="strong" to={`/apps/${a.id}`}>{a.name}</Link></td>
                <td className="mono">{a.auto_version?.branch_or_tag_pattern}</td>
                <td className="row-actions">
                  {canEdit && (
                    <button type="button" className="btn btn-small btn-danger" disabled={follow.isPending}
                      onClick={() => follow.mutate({ appId: a.id, follow: null })}>Stop</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">No app follows this repository.</p>}
      {canEdit && others.length > 0 && (
        <form className="inline-form" onSubmit={submit} aria-label="Follow builds">
          <Field label="App" htmlFor="follow-app">
            <select id="follow-app" value={appId} onChange={(e) => setAppId(e.target.value)}>
              <option value="">—</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>{a.name}{a.auto_version ? " (now follows another repository)" : ""}</option>
              ))}
            </select>
          </Field>
          <Field label="Branch or tag pattern" htmlFor="follow-pattern" hint="e.g. main, v*, release/*">
            <input id="follow-pattern" className="mono" value={pattern} onChange={(e) => setPattern(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={follow.isPending || !appId}>Follow builds</button>
        </form>
      )}
      <ProblemAlert error={follow.error} />
    </section>
  );
}
