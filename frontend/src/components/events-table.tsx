import { useInfiniteQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Link } from "react-router";

import { type Event, type EventFilter, eventsQuery } from "../api/events";
import { flatItems } from "../api/pages";
import { targetLabel, targetLink } from "../lib/event-view";
import { formatDate, timeAgo } from "../lib/format";
import { OutcomeBadge } from "./badge";
import { ListFooter } from "./load-more";

function summary(event: Event): string {
  return Object.entries(event.detail)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
}

type Props = {
  filter: EventFilter;
  compact?: boolean;
  /** Clicking an actor narrows the list to them (the events page passes this). */
  onActor?: (actorId: string) => void;
};

/** The event log, newest first, narrowed by `filter`; a row opens to its full details. */
export function EventsTable({ filter, compact = false, onActor }: Props) {
  const query = useInfiniteQuery(eventsQuery(filter));
  const events = flatItems(query.data);
  const [open, setOpen] = useState<string | null>(null);
  const columns = compact ? 5 : 6;
  return (
    <>
      {events.length > 0 && (
        <table className="table" data-testid="events-table">
          <thead>
            <tr>
              <th>When</th><th>Who</th><th>Action</th>{!compact && <th>Target</th>}<th>Result</th><th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const link = targetLink(e);
              return (
                <Fragment key={e.id}>
                  <tr data-testid="event-row">
                    <td title={formatDate(e.created_at)} className="nowrap">{timeAgo(e.created_at)}</td>
                    <td>{onActor && e.actor_id
                      ? <button type="button" className="link-button" title="Show only this actor's events"
                        onClick={() => onActor(e.actor_id as string)}>{e.actor_name}</button>
                      : e.actor_name}</td>
                    <td><code>{e.action}</code></td>
                    {!compact && <td>{link ? <Link to={link}>{targetLabel(e)}</Link> : <span className="muted">{targetLabel(e)}</span>}</td>}
                    <td><OutcomeBadge outcome={e.outcome} /></td>
                    <td className="muted truncate">
                      <button type="button" className="link-button" aria-expanded={open === e.id}
                        onClick={() => setOpen(open === e.id ? null : e.id)} title="Show the full details">
                        {summary(e) || "—"}
                      </button>
                    </td>
                  </tr>
                  {open === e.id && (
                    <tr className="note-row" data-testid="event-detail">
                      <td colSpan={columns}>
                        <dl className="facts small">
                          <dt>When</dt><dd>{formatDate(e.created_at)}</dd>
                          <dt>Target</dt><dd className="mono">{e.target_type} {e.target_id}</dd>
                          {Object.entries(e.detail).map(([k, v]) => (
                            <Fragment key={k}><dt>{k}</dt><dd className="mono">{typeof v === "string" ? v : JSON.stringify(v)}</dd></Fragment>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={events.length} empty="No events match." />
    </>
  );
}
