import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import { groupsQuery } from "../api/groups";
import { flatItems } from "../api/pages";
import { EventsTable } from "../components/events-table";
import { PageHeader } from "../components/page-header";
import { filterFromParams, withFilter } from "../lib/event-view";

const OUTCOMES = ["success", "failure", "denied", "queued"];
const TARGETS = ["app", "group", "cluster", "host", "container", "user"];

/** The event log with its filters in the URL, so a filtered view can be shared. */
export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const groups = flatItems(useInfiniteQuery(groupsQuery()).data);
  const set = (key: Parameters<typeof withFilter>[1], value: string) =>
    setParams(withFilter(params, key, value), { replace: true });
  const active = Object.keys(filter).length > 0;
  return (
    <>
      <PageHeader title="Events">
        <p className="muted">Who did what to which resource, and how it went. Newest first.</p>
      </PageHeader>
      <form className="card form-row filters" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
        <label className="filter">Group{" "}
          <select value={filter.group_id ?? ""} onChange={(e) => set("group_id", e.target.value)} aria-label="Filter by group">
            <option value="">All groups</option>
            {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
        <label className="filter">Action{" "}
          <input aria-label="Filter by action" placeholder="app. or app.deploy" defaultValue={filter.action ?? ""}
            onChange={(e) => set("action", e.target.value)} />
        </label>
        <label className="filter">Result{" "}
          <select aria-label="Filter by result" value={filter.outcome ?? ""} onChange={(e) => set("outcome", e.target.value)}>
            <option value="">Any</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label className="filter">Target{" "}
          <select aria-label="Filter by target type" value={filter.target_type ?? ""} onChange={(e) => set("target_type", e.target.value)}>
            <option value="">Any</option>
            {TARGETS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        {filter.target_id && <span className="chip">target {filter.target_id.slice(0, 8)}</span>}
        {filter.actor_id && <span className="chip">one actor</span>}
        {active && <button type="button" className="btn btn-small btn-ghost" onClick={() => setParams({}, { replace: true })}>Clear filters</button>}
      </form>
      <section className="card">
        <EventsTable filter={filter} onActor={(id) => set("actor_id", id)} />
      </section>
    </>
  );
}
