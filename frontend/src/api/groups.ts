import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Group = components["schemas"]["GroupRead"];
export type GroupCreate = components["schemas"]["GroupCreate"];
export type Member = components["schemas"]["MemberRead"];
export type MemberCreate = components["schemas"]["MemberCreate"];
export type Role = components["schemas"]["Role"];

export const ROLES: Role[] = ["viewer", "developer", "admin", "owner"];

/** Whether `role` is at least `need` (viewer < developer < admin < owner). */
export function hasRole(role: Role | null | undefined, need: Role): boolean {
  return role != null && ROLES.indexOf(role) >= ROLES.indexOf(need);
}

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  detail: (groupId: string) => [...groupKeys.all, "detail", groupId] as const,
  members: (groupId: string) => [...groupKeys.detail(groupId), "members"] as const,
};

export const groupsQuery = () =>
  infiniteQueryOptions({
    queryKey: groupKeys.lists(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/groups", { params: { query: { cursor: pageParam, limit: 100 } } })),
    ...cursorPaging,
  });

export const groupQuery = (groupId: string) =>
  queryOptions({
    queryKey: groupKeys.detail(groupId),
    queryFn: () => unwrap(api.GET("/api/v1/groups/{group_id}", { params: { path: { group_id: groupId } } })),
  });

export const membersQuery = (groupId: string) =>
  infiniteQueryOptions({
    queryKey: groupKeys.members(groupId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/groups/{group_id}/members", {
        params: { path: { group_id: groupId }, query: { cursor: pageParam } },
      })),
    ...cursorPaging,
  });

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupCreate) => unwrap(api.POST("/api/v1/groups", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}

/** Member mutations of one group; each refreshes the member list and the group (my_role). */
export function useMemberMutations(groupId: string) {
  const client = useQueryClient();
  const path = { group_id: groupId };
  const onSuccess = () => client.invalidateQueries({ queryKey: groupKeys.detail(groupId) });
  return {
    add: useMutation({
      mutationFn: (body: MemberCreate) =>
        unwrap(api.POST("/api/v1/groups/{group_id}/members", { params: { path }, body })),
      onSuccess,
    }),
    setRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
        unwrap(api.PATCH("/api/v1/groups/{group_id}/members/{user_id}", {
          params: { path: { ...path, user_id: userId } }, body: { role },
        })),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        unwrap(api.DELETE("/api/v1/groups/{group_id}/members/{user_id}", {
          params: { path: { ...path, user_id: userId } },
        })),
      onSuccess,
    }),
    transfer: useMutation({
      mutationFn: (userId: string) =>
        unwrap(api.POST("/api/v1/groups/{group_id}/transfer", { params: { path }, body: { user_id: userId } })),
      onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all }),
    }),
  };
}
