import { infiniteQueryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { authKeys } from "./auth";
import { api, unwrap } from "./client";
import { eventKeys } from "./events";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type UserCreate = components["schemas"]["UserCreate"];
/** What an admin changes on a user (PATCH /users/{id}). */
export type UserChange = { email?: string | null; is_admin?: boolean; is_active?: boolean };

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export const usersQuery = () =>
  infiniteQueryOptions({
    queryKey: userKeys.list(),
    queryFn: ({ pageParam }) => unwrap(api.GET("/api/v1/users", { params: { query: { cursor: pageParam, limit: 100 } } })),
    ...cursorPaging,
  });

function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: userKeys.all }),
    client.invalidateQueries({ queryKey: authKeys.me() }),
    client.invalidateQueries({ queryKey: eventKeys.all }),
  ]);
}

export function useCreateUser() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: UserChange }) =>
      unwrap(api.PATCH("/api/v1/users/{user_id}", { params: { path: { user_id: userId } }, body: change })),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) =>
      unwrap(api.POST("/api/v1/users/{user_id}/password", { params: { path: { user_id: userId } }, body: { password } })),
    onSuccess,
  });
}
