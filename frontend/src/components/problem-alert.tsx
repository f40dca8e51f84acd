import { ApiError, errorMessage } from "../api/problem";

/** The server's problem detail (or any other failure) shown next to what caused it. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  const title = error instanceof ApiError ? error.problem.title : "Something went wrong";
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : "";
  return (
    <div className={`alert alert-error ${className ?? ""}`} role="alert" data-testid="problem">
      <strong>{title}{status}</strong>
      <span>{errorMessage(error)}</span>
    </div>
  );
}
