import { queryOptions, useMutation } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { useRefreshDeployment } from "./deployments";

export type ContainerAction = "start" | "stop" | "restart" | "remove";

/** Lines of output the logs panel asks for. */
export const LOG_LINES = 200;

export const containerKeys = {
  all: ["containers"] as const,
  logs: (containerId: string, tail: number) => [...containerKeys.all, "logs", containerId, tail] as const,
};

/** The container's last `tail` lines as plain text (the API answers text/plain). */
export const logsQuery = (containerId: string, tail = LOG_LINES) =>
  queryOptions({
    queryKey: containerKeys.logs(containerId, tail),
    // An empty body (no output yet) comes back as `undefined`: the cache needs a value.
    queryFn: async () =>
      (await unwrap(api.GET("/api/v1/containers/{container_id}/logs", {
        params: { path: { container_id: containerId }, query: { tail } },
        parseAs: "text",
      }))) ?? "",
    retry: false,
  });

function call(containerId: string, action: ContainerAction) {
  const params = { path: { container_id: containerId } };
  switch (action) {
    case "start": return api.POST("/api/v1/containers/{container_id}/start", { params });
    case "stop": return api.POST("/api/v1/containers/{container_id}/stop", { params });
    case "restart": return api.POST("/api/v1/containers/{container_id}/restart", { params });
    case "remove": return api.DELETE("/api/v1/containers/{container_id}", { params });
  }
}

/** Start, stop, restart or remove one container of `appId`; each answers a job id. */
export function useContainerAction(appId: string) {
  const onSuccess = useRefreshDeployment(appId);
  return useMutation({
    mutationFn: ({ containerId, action }: { containerId: string; action: ContainerAction }) =>
      unwrap(call(containerId, action)),
    onSuccess,
  });
}
