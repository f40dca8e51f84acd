import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type App = components["schemas"]["AppRead"];
export type AppCreate = components["schemas"]["AppCreate"];
export type AppUpdate = components["schemas"]["AppUpdate"];

export const appKeys = {
  all: ["apps"] as const,
  lists: () => [...appKeys.all, "list"] as const,
  list: (groupId: string) => [...appKeys.lists(), groupId] as const,
  details: () => [...appKeys.all, "detail"] as const,
  detail: (appId: string) => [...appKeys.details(), appId] as const,
};

export const appsQuery = (groupId: string) =>
  infiniteQueryOptions({
    queryKey: appKeys.list(groupId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/groups/{group_id}/apps", {
        params: { path: { group_id: groupId }, query: { cursor: pageParam } },
      })),
    ...cursorPaging,
  });

export const appQuery = (appId: string) =>
  queryOptions({
    queryKey: appKeys.detail(appId),
    queryFn: () => unwrap(api.GET("/api/v1/apps/{app_id}", { params: { path: { app_id: appId } } })),
  });

export function useCreateApp(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppCreate) =>
      unwrap(api.POST("/api/v1/groups/{group_id}/apps", { params: { path: { group_id: groupId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: appKeys.list(groupId) }),
  });
}

export function useUpdateApp(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppUpdate) =>
      unwrap(api.PATCH("/api/v1/apps/{app_id}", { params: { path: { app_id: appId } }, body })),
    onSuccess: (app) => {
      client.setQueryData(appKeys.detail(appId), app);
      return client.invalidateQueries({ queryKey: appKeys.lists() });
    },
  });
}
