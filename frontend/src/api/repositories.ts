import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Repository = components["schemas"]["RepositoryRead"];
export type RepositoryCreate = components["schemas"]["RepositoryCreate"];
export type RepositoryUpdate = components["schemas"]["RepositoryUpdate"];
export type ImageTag = components["schemas"]["ImageTagRead"];

export const repositoryKeys = {
  all: ["repositories"] as const,
  list: (namespace: string) => [...repositoryKeys.all, "list", namespace] as const,
  detail: (repoId: string) => [...repositoryKeys.all, "detail", repoId] as const,
  tags: (repoId: string) => [...repositoryKeys.detail(repoId), "tags"] as const,
};

export const repositoriesQuery = (namespace: string) =>
  infiniteQueryOptions({
    queryKey: repositoryKeys.list(namespace),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/namespaces/{name}/repositories", {
        params: { path: { name: namespace }, query: { cursor: pageParam } },
      })),
    ...cursorPaging,
  });

export const repositoryQuery = (repoId: string) =>
  queryOptions({
    queryKey: repositoryKeys.detail(repoId),
    queryFn: () => unwrap(api.GET("/api/v1/repositories/{repo_id}", { params: { path: { repo_id: repoId } } })),
  });

export const tagsQuery = (repoId: string) =>
  infiniteQueryOptions({
    queryKey: repositoryKeys.tags(repoId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/repositories/{repo_id}/tags", {
        params: { path: { repo_id: repoId }, query: { cursor: pageParam } },
      })),
    ...cursorPaging,
  });

export function useCreateRepository(namespace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RepositoryCreate) =>
      unwrap(api.POST("/api/v1/namespaces/{name}/repositories", { params: { path: { name: namespace } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: repositoryKeys.list(namespace) }),
  });
}

/** Changes to one repository; each refreshes it and its namespace's list. */
export function useRepositoryMutations(repoId: string) {
  const client = useQueryClient();
  const path = { repo_id: repoId };
  const onSuccess = (repo?: Repository) => {
    if (repo) client.setQueryData(repositoryKeys.detail(repoId), repo);
    return client.invalidateQueries({ queryKey: repositoryKeys.all });
  };
  return {
    update: useMutation({
      mutationFn: (body: RepositoryUpdate) =>
        unwrap(api.PATCH("/api/v1/repositories/{repo_id}", { params: { path }, body })),
      onSuccess,
    }),
    regenerateKey: useMutation({
      mutationFn: () => unwrap(api.POST("/api/v1/repositories/{repo_id}/deploy-key", { params: { path } })),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: () => unwrap(api.DELETE("/api/v1/repositories/{repo_id}", { params: { path } })),
      onSuccess: () => client.invalidateQueries({ queryKey: repositoryKeys.all }),
    }),
  };
}

/** An app follows a repository's builds (a new version per matching build), or stops. */
export function useFollowBuilds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ appId, follow }: { appId: string; follow: { repository_id: string; branch_or_tag_pattern: string } | null }) =>
      unwrap(api.PATCH("/api/v1/apps/{app_id}", { params: { path: { app_id: appId } }, body: { auto_version: follow } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["apps"] }),
  });
}
