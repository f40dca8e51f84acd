// RFC 9457 problem details as the API sends them, and their conversion into one
// error type the UI can always render, whatever the server or network returned.
import type { components } from "./schema.gen";

export type Problem = components["schemas"]["Problem"];
type FieldError = { loc?: unknown[]; msg?: string };

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(formatProblem(problem));
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The readable place of a validation error: `body.env` → `env`, `["ports", 0]` → `ports.0`. */
export function fieldPath(loc: unknown[] | undefined): string {
  return (loc ?? [])
    .filter((part) => part !== "body" && part !== "query" && part !== "path")
    .map(String)
    .join(".");
}

function errorLines(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(isRecord).map((e: FieldError) => {
    const where = fieldPath(e.loc);
    const msg = e.msg ?? "invalid";
    return where ? `${where}: ${msg}` : msg;
  });
}

/**
 * Normalise whatever an API call failed with into a Problem: a problem+json body,
 * FastAPI's plain `{detail: [...]}` validation body, a text body, or a thrown error.
 */
export function toProblem(body: unknown, status = 0, statusText = ""): Problem {
  if (isRecord(body) && typeof body.title === "string" && typeof body.status === "number") {
    return body as Problem;
  }
  if (isRecord(body) && Array.isArray(body.detail)) {
    const lines = errorLines(body.detail);
    return { type: "about:blank", title: "Invalid input", status, detail: lines.join("; "),
      errors: body.detail.filter(isRecord) };
  }
  if (isRecord(body) && typeof body.detail === "string") {
    return { type: "about:blank", title: statusText || "Error", status, detail: body.detail };
  }
  if (body instanceof Error) {
    return { type: "about:blank", title: "Network error", status: 0,
      detail: `The server could not be reached (${body.message}).` };
  }
  const text = typeof body === "string" ? body.trim() : "";
  const short = text && !text.startsWith("<") ? text.slice(0, 300) : null;
  return { type: "about:blank", title: statusText || `HTTP ${status}`, status, detail: short };
}

/** One line for the user: the detail when there is one, else the title and field errors. */
export function formatProblem(problem: Problem): string {
  if (problem.detail) return problem.detail;
  const lines = errorLines(problem.errors);
  return lines.length ? `${problem.title}: ${lines.join("; ")}` : problem.title;
}

/** The message to show for an error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return formatProblem(toProblem(error));
}
