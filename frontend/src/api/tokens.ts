import { infiniteQueryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type Token = components["schemas"]["TokenRead"];
export type TokenCreate = components["schemas"]["TokenCreate"];

export const tokenKeys = {
  all: ["tokens"] as const,
  lists: () => [...tokenKeys.all, "list"] as const,
};

export const tokensQuery = () =>
  infiniteQueryOptions({
    queryKey: tokenKeys.lists(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/tokens", { params: { query: { cursor: pageParam } } })),
    ...cursorPaging,
  });

export function useTokenMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: tokenKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: TokenCreate) => unwrap(api.POST("/api/v1/tokens", { body })),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: (tokenId: string) =>
        unwrap(api.DELETE("/api/v1/tokens/{token_id}", { params: { path: { token_id: tokenId } } })),
      onSuccess,
    }),
  };
}
