import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { EtagCache } from "../lib/etag-cache";
import { appKeys } from "./apps";
import { api, unwrap } from "./client";
import { eventKeys } from "./events";
import type { components } from "./schema.gen";

export type Topology = components["schemas"]["Topology"];
export type TopologyCluster = components["schemas"]["TopologyCluster"];
export type TopologyVersion = components["schemas"]["TopologyVersion"];
export type TopologyContainer = components["schemas"]["TopologyContainer"];
export type DeployRequest = components["schemas"]["DeployRequest"];
export type ScaleRequest = components["schemas"]["ScaleRequest"];
export type UpgradeRequest = components["schemas"]["UpgradeRequest"];
export type RollbackRequest = components["schemas"]["RollbackRequest"];
export type AddContainerRequest = components["schemas"]["AddContainerRequest"];

/** How often the topology is re-read while the app page is open. */
export const TOPOLOGY_POLL_MS = 2000;

export const deploymentKeys = {
  all: ["deployments"] as const,
  topology: (appId: string) => [...deploymentKeys.all, "topology", appId] as const,
};

const topologies = new EtagCache<Topology>();

/** The topology, asked with If-None-Match: an unchanged one costs a 304 and no render. */
async function fetchTopology(appId: string): Promise<Topology> {
  const call = api.GET("/api/v1/apps/{app_id}/topology", {
    params: { path: { app_id: appId } }, headers: topologies.headers(appId),
  });
  const result = await call;
  const kept = result.response.status === 304 ? topologies.reuse(appId) : undefined;
  if (kept) return kept;
  const data = await unwrap(Promise.resolve(result));
  return topologies.store(appId, result.response.headers.get("ETag"), data);
}

export const topologyQuery = (appId: string) =>
  queryOptions({
    queryKey: deploymentKeys.topology(appId),
    queryFn: () => fetchTopology(appId),
    refetchInterval: TOPOLOGY_POLL_MS,
  });

/** After any deployment change: the topology now, and the app's events. */
export function useRefreshDeployment(appId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: deploymentKeys.topology(appId) }),
      client.invalidateQueries({ queryKey: appKeys.detail(appId) }),
      client.invalidateQueries({ queryKey: eventKeys.all }),
    ]);
}

/** Deploy, scale, upgrade and rollback of one app. Upgrade and rollback answer a job id. */
export function useDeploymentMutations(appId: string) {
  const onSuccess = useRefreshDeployment(appId);
  const path = { app_id: appId };
  return {
    deploy: useMutation({
      mutationFn: (body: DeployRequest) =>
        unwrap(api.POST("/api/v1/apps/{app_id}/deploy", { params: { path }, body })),
      onSuccess,
    }),
    scale: useMutation({
      mutationFn: (body: ScaleRequest) =>
        unwrap(api.POST("/api/v1/apps/{app_id}/scale", { params: { path }, body })),
      onSuccess,
    }),
    upgrade: useMutation({
      mutationFn: (body: UpgradeRequest) =>
        unwrap(api.POST("/api/v1/apps/{app_id}/upgrade", { params: { path }, body })),
      onSuccess,
    }),
    addContainer: useMutation({
      mutationFn: (body: AddContainerRequest) =>
        unwrap(api.POST("/api/v1/apps/{app_id}/containers", { params: { path }, body })),
      onSuccess,
    }),
    rollback: useMutation({
      mutationFn: (body: RollbackRequest) =>
        unwrap(api.POST("/api/v1/apps/{app_id}/rollback", { params: { path }, body })),
      onSuccess,
    }),
  };
}
