import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { appKeys } from "./apps";
import { api, unwrap } from "./client";
import type { components } from "./schema.gen";

export type Domain = components["schemas"]["DomainRead"];
export type CertificateUpload = { certificate: string; private_key: string };

export const domainKeys = {
  list: (appId: string) => [...appKeys.detail(appId), "domains"] as const,
};

export const domainsQuery = (appId: string) =>
  queryOptions({
    queryKey: domainKeys.list(appId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/apps/{app_id}/domains", { params: { path: { app_id: appId } } })),
    refetchInterval: 5000, // routing follows the containers
  });

export function useSetCertificate(appId: string, domain: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateUpload) =>
      unwrap(api.PUT("/api/v1/apps/{app_id}/domains/{domain}/certificate", {
        params: { path: { app_id: appId, domain } }, body,
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: domainKeys.list(appId) }),
  });
}

export function useDeleteCertificate(appId: string, domain: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE("/api/v1/apps/{app_id}/domains/{domain}/certificate", {
        params: { path: { app_id: appId, domain } },
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: domainKeys.list(appId) }),
  });
}

const STATES: Record<Domain["state"], string> = {
  routed: "routed",
  no_serving_container: "no serving container",
  not_deployed: "not deployed",
};

/** "routed to 3 containers", "no serving container", "not deployed". */
export function domainStatus(d: Domain): string {
  if (d.state === "routed") return `routed to ${d.serving} container${d.serving === 1 ? "" : "s"}`;
  return STATES[d.state];
}
