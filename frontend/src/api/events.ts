import { infiniteQueryOptions } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Event = components["schemas"]["EventRead"];
export type EventFilter = {
  group_id?: string; target_type?: string; target_id?: string; action?: string; actor_id?: string; outcome?: string;
};

/** Drop empty filter values so `{}` and `{group_id: ""}` share one cache entry. */
export function cleanFilter(filter: EventFilter): EventFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as EventFilter;
}

export const eventKeys = {
  all: ["events"] as const,
  list: (filter: EventFilter) => [...eventKeys.all, "list", cleanFilter(filter)] as const,
};

export const eventsQuery = (filter: EventFilter) =>
  infiniteQueryOptions({
    queryKey: eventKeys.list(filter),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/events", {
        params: { query: { ...cleanFilter(filter), cursor: pageParam, limit: 25 } },
      })),
    ...cursorPaging,
  });
