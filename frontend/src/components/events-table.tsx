import { useInfiniteQuery } from "@tanstack/react-query";

import { type Event, type EventFilter, eventsQuery } from "../api/events";
import { flatItems } from "../api/pages";
import { formatDate, timeAgo } from "../lib/format";
import { OutcomeBadge } from "./badge";
import { ListFooter } from "./load-more";

function summary(event: Event): string {
  return Object.entries(event.detail)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
}

/** The event log, newest first, narrowed by `filter`. */
export function EventsTable({ filter, compact = false }: { filter: EventFilter; compact?: boolean }) {
  const query = useInfiniteQuery(eventsQuery(filter));
  const events = flatItems(query.data);
  return (
    <>
      {events.length > 0 && (
        <table className="table" data-testid="events-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              {!compact && <th>Target</th>}
              <th>Result</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td title={formatDate(e.created_at)} className="nowrap">{timeAgo(e.created_at)}</td>
                <td>{e.actor_name}</td>
                <td><code>{e.action}</code></td>
                {!compact && <td className="muted">{e.target_type}</td>}
                <td><OutcomeBadge outcome={e.outcome} /></td>
                <td className="muted truncate" title={summary(e)}>{summary(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={events.length} empty="No events yet." />
    </>
  );
}
