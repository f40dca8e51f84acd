// The bearer token lives in localStorage so a reload keeps the session; components
// subscribe (useSyncExternalStore) so a 401 anywhere sends the user back to login.
const KEY = "dockyard.token";
const listeners = new Set<() => void>();

function storage(): Storage | null {
  return typeof localStorage === "undefined" ? null : localStorage;
}

export function getToken(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

export function setToken(token: string | null): void {
  if (token === getToken()) return;
  if (token) storage()?.setItem(KEY, token);
  else storage()?.removeItem(KEY);
  listeners.forEach((notify) => notify());
}

export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== "undefined") {
  // Logging out in one tab logs out the others.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) listeners.forEach((notify) => notify());
  });
}
