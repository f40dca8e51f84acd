// The events page's pure parts: filters kept in the URL, and where an event's target lives.
import type { Event, EventFilter } from "../api/events";

export const FILTER_KEYS = ["action", "actor_id", "outcome", "target_type", "target_id", "group_id"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The filter a URL's search parameters describe (unknown or empty ones are ignored). */
export function filterFromParams(params: URLSearchParams): EventFilter {
  const filter: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The search parameters with `key` set to `value` (or removed when empty). */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

const PAGES: Record<string, (id: string) => string> = {
  app: (id) => `/apps/${id}`,
  group: (id) => `/groups/${id}/apps`,
  cluster: (id) => `/clusters/${id}`,
  container: (id) => `/containers/${id}`,
  user: () => "/admin/users",
};

/** Where the dashboard shows an event's target, when it has a page for it. */
export function targetLink(event: Pick<Event, "target_type" | "target_id">): string | null {
  const page = PAGES[event.target_type];
  return page && event.target_id ? page(event.target_id) : null;
}

/** A short name for the target: the detail's own name when it has one, else type and id. */
export function targetLabel(event: Pick<Event, "target_type" | "target_id" | "detail">): string {
  const d = event.detail ?? {};
  const name = [d.name, d.app, d.cluster, d.username, d.host].find((v) => typeof v === "string" && v);
  return `${event.target_type} ${name ?? event.target_id.slice(0, 8)}`;
}
