import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { meQuery } from "../api/auth";
import { clustersQuery } from "../api/clusters";
import { groupsQuery } from "../api/groups";
import { flatItems } from "../api/pages";
import { Badge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { PageHeader } from "../components/page-header";
import { ClusterCreateForm } from "./cluster-create-form";

export function ClustersPage() {
  const query = useInfiniteQuery(clustersQuery());
  const clusters = flatItems(query.data);
  const groups = useInfiniteQuery(groupsQuery());
  const groupNames = new Map(flatItems(groups.data).map((g) => [g.id, g.name]));
  const me = useQuery(meQuery());
  return (
    <>
      <PageHeader title="Clusters">
        <p className="muted">Public clusters are run by platform admins for everyone; private ones belong to a group.</p>
      </PageHeader>
      <section className="card">
        {clusters.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Access</th><th>Hosts ready</th><th>Description</th></tr>
            </thead>
            <tbody>
              {clusters.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/clusters/${c.id}`} className="strong">{c.name}</Link></td>
                  <td>
                    {c.public ? <Badge tone="blue">public</Badge> : (
                      <>
                        <Badge>private</Badge>{" "}
                        {c.group_id && (
                          <Link to={`/groups/${c.group_id}/apps`} className="small">
                            {groupNames.get(c.group_id) ?? "group"}
                          </Link>
                        )}
                      </>
                    )}
                  </td>
                  <td>
                    <Badge tone={c.hosts_total === 0 ? "gray" : c.hosts_ready === c.hosts_total ? "green" : "amber"}>
                      {c.hosts_ready} / {c.hosts_total}
                    </Badge>
                  </td>
                  <td className="muted">{c.description || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter query={query} count={clusters.length} empty="No clusters you can see." />
      </section>
      {me.data && <ClusterCreateForm isAdmin={me.data.is_admin} groups={flatItems(groups.data)} />}
    </>
  );
}
