import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { flatItems } from "../api/pages";
import { repositoriesQuery } from "../api/repositories";
import { Badge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { timeAgo } from "../lib/format";

/** The namespace's image repositories (built from git), with "New repository" for who may push. */
export function NamespaceRepositoriesCard({ name, canPush }: { name: string; canPush: boolean }) {
  const query = useInfiniteQuery(repositoriesQuery(name));
  const repos = flatItems(query.data);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Repositories</h2>
        {canPush && <Link className="btn btn-primary" to={`/namespaces/${name}/repositories/new`}>New repository</Link>}
      </div>
      {repos.length > 0 && (
        <table className="table" data-testid="repositories">
          <thead><tr><th>Name</th><th>Git</th><th>Base image</th><th>Config</th><th>Created</th></tr></thead>
          <tbody>
            {repos.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/repositories/${r.id}`} className="strong">{r.name}</Link></td>
                <td className="mono small">{r.git_url} <span className="muted">@ {r.branch}</span></td>
                <td className="mono small">{r.base_image}</td>
                <td><Badge>c{r.config_revision}</Badge></td>
                <td className="muted nowrap">{timeAgo(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={repos.length}
        empty="No repositories yet: one builds an image from a git repository on every push." />
    </section>
  );
}
