import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { setToken } from "./auth-token";
import { api, unwrap } from "./client";
import type { components } from "./schema.gen";

export type User = components["schemas"]["UserRead"];
export type LoginRequest = components["schemas"]["LoginRequest"];

export const authKeys = {
  all: ["auth"] as const,
  me: () => [...authKeys.all, "me"] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: () => unwrap(api.GET("/api/v1/users/me")),
    staleTime: 5 * 60_000,
  });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => unwrap(api.POST("/api/v1/auth/login", { body })),
    onSuccess: (login) => {
      client.clear();
      setToken(login.access_token);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    // Forget the token even when the server call fails: the user asked to leave.
    mutationFn: () => unwrap(api.POST("/api/v1/auth/logout")).catch(() => undefined),
    onSettled: () => {
      setToken(null);
      client.clear();
    },
  });
}
