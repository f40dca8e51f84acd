import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Cluster = components["schemas"]["ClusterRead"];
export type Host = components["schemas"]["HostRead"];
export type HostStatus = components["schemas"]["HostStatus"];

export const clusterKeys = {
  all: ["clusters"] as const,
  lists: () => [...clusterKeys.all, "list"] as const,
  detail: (clusterId: string) => [...clusterKeys.all, "detail", clusterId] as const,
  hosts: (clusterId: string) => [...clusterKeys.detail(clusterId), "hosts"] as const,
};

export const clustersQuery = () =>
  infiniteQueryOptions({
    queryKey: clusterKeys.lists(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/clusters", { params: { query: { cursor: pageParam } } })),
    ...cursorPaging,
  });

export const clusterQuery = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.detail(clusterId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/clusters/{cluster_id}", { params: { path: { cluster_id: clusterId } } })),
  });

export const hostsQuery = (clusterId: string) =>
  infiniteQueryOptions({
    queryKey: clusterKeys.hosts(clusterId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/clusters/{cluster_id}/hosts", {
        params: { path: { cluster_id: clusterId }, query: { cursor: pageParam } },
      })),
    ...cursorPaging,
    refetchInterval: 10_000,
  });

export function useCordonHost(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ hostId, cordoned }: { hostId: string; cordoned: boolean }) =>
      unwrap(api.PATCH("/api/v1/hosts/{host_id}", { params: { path: { host_id: hostId } }, body: { cordoned } })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
        client.invalidateQueries({ queryKey: clusterKeys.lists() }),
      ]),
  });
}

/** Cordon the host and queue the job that moves its containers elsewhere. */
export function useDrainHost(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hostId: string) =>
      unwrap(api.POST("/api/v1/hosts/{host_id}/drain", { params: { path: { host_id: hostId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.detail(clusterId) }),
  });
}

export type ClusterCreate = components["schemas"]["ClusterCreate"];

export function useCreateCluster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClusterCreate) => unwrap(api.POST("/api/v1/clusters", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.lists() }),
  });
}

export function useUpdateCluster(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (description: string) =>
      unwrap(api.PATCH("/api/v1/clusters/{cluster_id}", {
        params: { path: { cluster_id: clusterId } }, body: { description },
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: clusterKeys.all }),
  });
}
