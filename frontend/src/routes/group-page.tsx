import { useQuery } from "@tanstack/react-query";
import { NavLink, Outlet, useOutletContext, useParams } from "react-router";

import { type Group, groupQuery } from "../api/groups";
import { RoleBadge } from "../components/badge";
import { PageHeader } from "../components/page-header";
import { ProblemAlert } from "../components/problem-alert";

/** The group the tabs below are about; set by GroupPage for its child routes. */
export function useGroup(): Group {
  return useOutletContext<Group>();
}

export function GroupPage() {
  const { groupId = "" } = useParams();
  const query = useQuery(groupQuery(groupId));
  if (query.isPending) return <p className="muted">Loading…</p>;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const group = query.data;
  return (
    <>
      <PageHeader
        title={<>{group.name} <RoleBadge role={group.my_role} /></>}
        crumbs={[{ label: "Groups", to: "/groups" }]}
      >
        {group.description && <p className="muted">{group.description}</p>}
      </PageHeader>
      <nav className="tabs" aria-label="Group sections">
        <NavLink to="apps" className="tab">Apps</NavLink>
        <NavLink to="members" className="tab">Members</NavLink>
        <NavLink to="quotas" className="tab">Quotas</NavLink>
      </nav>
      <Outlet context={group} />
    </>
  );
}
