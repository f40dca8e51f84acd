import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { isFinished } from "../lib/build-log";
import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import { repositoryKeys } from "./repositories";
import type { components } from "./schema.gen";

export type Build = components["schemas"]["BuildRead"];

export const buildKeys = {
  all: ["builds"] as const,
  list: (repoId: string) => [...buildKeys.all, "list", repoId] as const,
  detail: (buildId: string) => [...buildKeys.all, "detail", buildId] as const,
};

// A build changes on its own while queued or running: poll until it is finished.
const POLL_MS = 2000;

export const buildsQuery = (repoId: string) =>
  infiniteQueryOptions({
    queryKey: buildKeys.list(repoId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/repositories/{repo_id}/builds", {
        params: { path: { repo_id: repoId }, query: { cursor: pageParam, limit: 20 } },
      })),
    ...cursorPaging,
    refetchInterval: (query) =>
      query.state.data?.pages[0]?.items.some((b) => !isFinished(b.status)) ? POLL_MS : false,
  });

export const buildQuery = (buildId: string) =>
  queryOptions({
    queryKey: buildKeys.detail(buildId),
    queryFn: () => unwrap(api.GET("/api/v1/builds/{build_id}", { params: { path: { build_id: buildId } } })),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
  });

export function useStartBuild(repoId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ref: string | null) =>
      unwrap(api.POST("/api/v1/repositories/{repo_id}/builds", {
        params: { path: { repo_id: repoId } }, body: ref ? { ref } : {},
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: buildKeys.list(repoId) }),
  });
}

export function useCancelBuild(buildId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/builds/{build_id}/cancel", { params: { path: { build_id: buildId } } })),
    onSuccess: (build) => {
      client.setQueryData(buildKeys.detail(buildId), build);
      return Promise.all([
        client.invalidateQueries({ queryKey: buildKeys.all }),
        client.invalidateQueries({ queryKey: repositoryKeys.all }),
      ]);
    },
  });
}
