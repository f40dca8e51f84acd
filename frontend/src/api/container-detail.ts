import { queryOptions } from "@tanstack/react-query";

import type { ContainerDetail } from "../lib/container-view";
import { api, unwrap } from "./client";
import type { Version } from "./versions";

export const containerDetailKeys = {
  detail: (containerId: string) => ["containers", "detail", containerId] as const,
  version: (appId: string, number: number) => ["versions", "detail", appId, number] as const,
};

/** One container, re-read every 3 s while its page is open. */
export const containerQuery = (containerId: string) =>
  queryOptions({
    queryKey: containerDetailKeys.detail(containerId),
    queryFn: async () => (await unwrap(api.GET("/api/v1/containers/{container_id}", {
      params: { path: { container_id: containerId } },
    }))) as ContainerDetail,
    refetchInterval: 3000,
  });

export const versionQuery = (appId: string, number: number) =>
  queryOptions({
    queryKey: containerDetailKeys.version(appId, number),
    queryFn: async (): Promise<Version> => unwrap(api.GET("/api/v1/apps/{app_id}/versions/{number}", {
      params: { path: { app_id: appId, number } },
    })),
    staleTime: Infinity, // versions never change
  });
