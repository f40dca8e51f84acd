import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Namespace = components["schemas"]["NamespaceRead"];
export type NamespaceCreate = components["schemas"]["NamespaceCreate"];
export type NamespaceMember = components["schemas"]["NamespaceMemberRead"];
export type RegistryAccess = components["schemas"]["RegistryAccess"];
export type BaseImage = components["schemas"]["BaseImageRead"];
export type BaseImageCreate = components["schemas"]["BaseImageCreate"];

export const namespaceKeys = {
  all: ["namespaces"] as const,
  lists: () => [...namespaceKeys.all, "list"] as const,
  detail: (name: string) => [...namespaceKeys.all, "detail", name] as const,
  members: (name: string) => [...namespaceKeys.detail(name), "members"] as const,
  baseImages: () => ["base-images"] as const,
};

export const namespacesQuery = () =>
  infiniteQueryOptions({
    queryKey: namespaceKeys.lists(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/namespaces", { params: { query: { cursor: pageParam, limit: 100 } } })),
    ...cursorPaging,
  });

export const namespaceQuery = (name: string) =>
  queryOptions({
    queryKey: namespaceKeys.detail(name),
    queryFn: () => unwrap(api.GET("/api/v1/namespaces/{name}", { params: { path: { name } } })),
  });

export const namespaceMembersQuery = (name: string) =>
  queryOptions({
    queryKey: namespaceKeys.members(name),
    queryFn: () => unwrap(api.GET("/api/v1/namespaces/{name}/members", { params: { path: { name } } })),
  });

export const baseImagesQuery = () =>
  queryOptions({
    queryKey: namespaceKeys.baseImages(),
    queryFn: () => unwrap(api.GET("/api/v1/base-images")),
  });

export function useCreateNamespace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NamespaceCreate) => unwrap(api.POST("/api/v1/namespaces", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: namespaceKeys.lists() }),
  });
}

/** Changes to one namespace; each refreshes it, its members and the lists. */
export function useNamespaceMutations(name: string) {
  const client = useQueryClient();
  const path = { name };
  const onSuccess = () => Promise.all([
    client.invalidateQueries({ queryKey: namespaceKeys.all }),
    client.invalidateQueries({ queryKey: namespaceKeys.baseImages() }),
  ]);
  return {
    setPublic: useMutation({
      mutationFn: (isPublic: boolean) =>
        unwrap(api.PATCH("/api/v1/namespaces/{name}", { params: { path }, body: { public: isPublic } })),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: () => unwrap(api.DELETE("/api/v1/namespaces/{name}", { params: { path } })),
      onSuccess,
    }),
    addMember: useMutation({
      mutationFn: (body: { username: string; access: RegistryAccess }) =>
        unwrap(api.POST("/api/v1/namespaces/{name}/members", { params: { path }, body })),
      onSuccess,
    }),
    setAccess: useMutation({
      mutationFn: ({ userId, access }: { userId: string; access: RegistryAccess }) =>
        unwrap(api.PATCH("/api/v1/namespaces/{name}/members/{user_id}", {
          params: { path: { ...path, user_id: userId } }, body: { access },
        })),
      onSuccess,
    }),
    removeMember: useMutation({
      mutationFn: (userId: string) =>
        unwrap(api.DELETE("/api/v1/namespaces/{name}/members/{user_id}", {
          params: { path: { ...path, user_id: userId } },
        })),
      onSuccess,
    }),
    addBaseImage: useMutation({
      mutationFn: (body: BaseImageCreate) =>
        unwrap(api.POST("/api/v1/namespaces/{name}/base-images", { params: { path }, body })),
      onSuccess,
    }),
    removeBaseImage: useMutation({
      mutationFn: (imageId: string) =>
        unwrap(api.DELETE("/api/v1/namespaces/{name}/base-images/{image_id}", {
          params: { path: { ...path, image_id: imageId } },
        })),
      onSuccess,
    }),
  };
}
