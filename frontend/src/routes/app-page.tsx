import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";

import { appQuery } from "../api/apps";
import { groupQuery, hasRole } from "../api/groups";
import { flatItems } from "../api/pages";
import { versionsQuery } from "../api/versions";
import { EventsTable } from "../components/events-table";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";
import { AppDetailsCard } from "./app-details-card";
import { AppDomainsCard } from "./app-domains-card";
import { DeploymentSection } from "./deployment/deployment-section";
import { VersionDiff } from "./version-diff";
import { VersionForm } from "./version-form";
import { VersionsTable } from "./versions-table";

export function AppPage() {
  const { appId = "" } = useParams();
  const app = useQuery(appQuery(appId));
  const group = useQuery({ ...groupQuery(app.data?.group_id ?? ""), enabled: !!app.data });
  const versionsResult = useInfiniteQuery(versionsQuery(appId));
  const versions = flatItems(versionsResult.data);
  const [creating, setCreating] = useState(false);
  const [comparing, setComparing] = useState(false);
  // "Create a version from this tag" (a repository's tags) opens the form with ?image=.
  const [search, setSearch] = useSearchParams();
  const prefill = search.get("image");
  const closeForm = () => {
    setCreating(false);
    if (prefill) setSearch({}, { replace: true });
  };

  if (app.isPending) return <p className="muted">Loading…</p>;
  if (app.isError) return <ProblemAlert error={app.error} />;
  const groupName = group.data?.name ?? "Group";
  const canDevelop = hasRole(group.data?.my_role, "developer");

  return (
    <>
      <PageHeader
        title={app.data.name}
        crumbs={[
          { label: "Groups", to: "/groups" },
          { label: groupName, to: `/groups/${app.data.group_id}/apps` },
        ]}
        actions={canDevelop && !creating && !prefill && (
          <button className="btn btn-primary" onClick={() => setCreating(true)}>New version</button>
        )}
      >
        {app.data.description && <p className="muted">{app.data.description}</p>}
      </PageHeader>
      <AppDetailsCard app={app.data} canEdit={canDevelop} />
      <AppDomainsCard appId={appId} canEdit={canDevelop} />
      {(creating || prefill) && !versionsResult.isPending && (
        <VersionForm appId={appId} base={versions[0]} image={prefill ?? undefined} onDone={closeForm} />
      )}
      <DeploymentSection appId={appId} versions={versions.map((v) => v.number)} canOperate={canDevelop} />
      {comparing && <VersionDiff versions={versions} onClose={() => setComparing(false)} />}
      <section className="card">
        <div className="card-head">
          <h2>Versions</h2>
          <span className="muted small">Newest first</span>
          {versions.length > 1 && !comparing && (
            <button type="button" className="btn btn-ghost" onClick={() => setComparing(true)}>Compare versions</button>
          )}
        </div>
        <VersionsTable versions={versions} query={versionsResult} />
      </section>
      <section className="card">
        <div className="card-head"><h2>Events</h2></div>
        <EventsTable filter={{ target_type: "app", target_id: appId }} compact />
      </section>
    </>
  );
}
