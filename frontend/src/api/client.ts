import createClient, { type Middleware } from "openapi-fetch";

import { getToken, setToken } from "./auth-token";
import { ApiError, toProblem } from "./problem";
import type { paths } from "./schema.gen";

const auth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password is a 401 too, but it is the login form's to show.
    if (response.status === 401 && !request.url.includes("/auth/login")) setToken(null);
    return response;
  },
};

// Relative URLs: the API serves the SPA, and `vite dev` proxies /api.
export const api = createClient<paths>({ baseUrl: "" });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or an ApiError holding the server's problem. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(toProblem(err));
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw new ApiError(toProblem(error, response.status, response.statusText));
  }
  return data as T;
}
