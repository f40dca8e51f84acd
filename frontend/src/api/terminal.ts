import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "./client";
import { cursorPaging } from "./pages";
import type { components } from "./schema.gen";

export type SshKey = components["schemas"]["SshKeyRead"];
export type SshKeyCreate = components["schemas"]["SshKeyCreate"];
export type TerminalInfo = components["schemas"]["TerminalInfo"];

export const terminalKeys = {
  all: ["terminal"] as const,
  info: () => [...terminalKeys.all, "info"] as const,
  keys: () => [...terminalKeys.all, "keys"] as const,
};

/** Where the SSH gateway listens, and the ssh command with `{container}` to fill in. */
export const terminalInfoQuery = () =>
  queryOptions({
    queryKey: terminalKeys.info(),
    queryFn: () => unwrap(api.GET("/api/v1/terminal")),
    staleTime: Infinity,
  });

export const sshKeysQuery = () =>
  infiniteQueryOptions({
    queryKey: terminalKeys.keys(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/users/me/keys", { params: { query: { cursor: pageParam } } })),
    ...cursorPaging,
  });

export function useSshKeyMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: terminalKeys.keys() });
  return {
    add: useMutation({
      mutationFn: (body: SshKeyCreate) => unwrap(api.POST("/api/v1/users/me/keys", { body })),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (keyId: string) =>
        unwrap(api.DELETE("/api/v1/users/me/keys/{key_id}", { params: { path: { key_id: keyId } } })),
      onSuccess,
    }),
  };
}
