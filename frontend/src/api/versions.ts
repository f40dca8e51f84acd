import { infiniteQueryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { appKeys } from "./apps";
import { api, unwrap } from "./client";
import { eventKeys } from "./events";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Version = components["schemas"]["VersionRead"];
export type VersionCreate = components["schemas"]["VersionCreate"];
export type HealthCheck = components["schemas"]["HealthCheck"];

export const versionKeys = {
  all: ["versions"] as const,
  list: (appId: string) => [...versionKeys.all, "list", appId] as const,
};

/** The server lists versions newest first. */
export const versionsQuery = (appId: string) =>
  infiniteQueryOptions({
    queryKey: versionKeys.list(appId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/apps/{app_id}/versions", {
        params: { path: { app_id: appId }, query: { cursor: pageParam, limit: 20 } },
      })),
    ...cursorPaging,
  });

export function useCreateVersion(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionCreate) =>
      unwrap(api.POST("/api/v1/apps/{app_id}/versions", { params: { path: { app_id: appId } }, body })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: versionKeys.list(appId) }),
        client.invalidateQueries({ queryKey: appKeys.detail(appId) }),
        client.invalidateQueries({ queryKey: eventKeys.all }),
      ]),
  });
}
