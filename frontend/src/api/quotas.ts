import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { clusterKeys } from "./clusters";
import type { components } from "./schema.gen";

export type Quota = components["schemas"]["QuotaRead"];
export type QuotaUsage = components["schemas"]["QuotaUsage"];
export type QuotaSet = components["schemas"]["QuotaSet"];

export const quotaKeys = {
  group: (groupId: string) => ["groups", "detail", groupId, "quotas"] as const,
  cluster: (clusterId: string) => [...clusterKeys.detail(clusterId), "quotas"] as const,
};

/** A group's quotas on public clusters with what it uses now (members). */
export const groupQuotasQuery = (groupId: string) =>
  queryOptions({
    queryKey: quotaKeys.group(groupId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/groups/{group_id}/quotas", { params: { path: { group_id: groupId } } })),
  });

/** Every group's quota on one public cluster (platform admins). */
export const clusterQuotasQuery = (clusterId: string) =>
  queryOptions({
    queryKey: quotaKeys.cluster(clusterId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/clusters/{cluster_id}/quotas", { params: { path: { cluster_id: clusterId } } })),
  });

export function useQuotaMutations(clusterId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: quotaKeys.cluster(clusterId) });
  const path = (groupId: string) => ({ params: { path: { cluster_id: clusterId, group_id: groupId } } });
  return {
    set: useMutation({
      mutationFn: ({ groupId, body }: { groupId: string; body: QuotaSet }) =>
        unwrap(api.PUT("/api/v1/clusters/{cluster_id}/quotas/{group_id}", { ...path(groupId), body })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (groupId: string) =>
        unwrap(api.DELETE("/api/v1/clusters/{cluster_id}/quotas/{group_id}", path(groupId))),
      onSuccess: refresh,
    }),
  };
}

/** "12 of 20" or "12 (no limit)": usage beside its limit, as the quota pages show it. */
export function usageText(used: number, limit: number | null | undefined, unit = ""): string {
  return limit == null ? `${used}${unit} (no limit)` : `${used}${unit} of ${limit}${unit}`;
}
