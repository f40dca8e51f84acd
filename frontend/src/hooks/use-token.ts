import { useSyncExternalStore } from "react";

import { getToken, subscribeToken } from "../api/auth-token";

/** The current bearer token; re-renders when it is set or cleared (e.g. on a 401). */
export function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}
