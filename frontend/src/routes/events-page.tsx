import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import { groupsQuery } from "../api/groups";
import { flatItems } from "../api/pages";
import { EventsTable } from "../components/events-table";
import { PageHeader } from "../components/page-header";

export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const groupId = params.get("group") ?? "";
  const groups = flatItems(useInfiniteQuery(groupsQuery()).data);
  const choose = (id: string) => setParams(id ? { group: id } : {}, { replace: true });
  return (
    <>
      <PageHeader title="Events" actions={
        <label className="filter">
          Group
          <select value={groupId} onChange={(e) => choose(e.target.value)} aria-label="Filter by group">
            <option value="">All groups</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
      }>
        <p className="muted">Who did what to which resource, and how it went. Newest first.</p>
      </PageHeader>
      <section className="card">
        <EventsTable filter={{ group_id: groupId }} />
      </section>
    </>
  );
}
