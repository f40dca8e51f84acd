import { describe, expect, it } from "vitest";

import { ApiError, errorMessage, fieldPath, formatProblem, toProblem } from "./problem";

describe("toProblem", () => {
  it("keeps a problem+json body as it is", () => {
    const body = { type: "/problems/conflict", title: "Conflict", status: 409, detail: "Name taken." };
    expect(toProblem(body, 409)).toBe(body);
  });

  it("turns FastAPI's plain validation body into a problem", () => {
    const body = { detail: [{ loc: ["body", "env", "1X"], msg: "bad name", type: "value_error" }] };
    const problem = toProblem(body, 422, "Unprocessable Entity");
    expect(problem).toMatchObject({ title: "Invalid input", status: 422, detail: "env.1X: bad name" });
  });

  it("uses a string detail and the status text", () => {
    expect(toProblem({ detail: "Nope" }, 403, "Forbidden")).toMatchObject({ title: "Forbidden", detail: "Nope" });
  });

  it("reports thrown errors as network errors", () => {
    const problem = toProblem(new TypeError("Failed to fetch"));
    expect(problem.status).toBe(0);
    expect(problem.detail).toContain("Failed to fetch");
  });

  it("keeps short text bodies and drops HTML pages", () => {
    expect(toProblem("upstream timed out", 504).detail).toBe("upstream timed out");
    expect(toProblem("<html><body>Bad gateway</body></html>", 502, "Bad Gateway")).toMatchObject({
      title: "Bad Gateway", detail: null,
    });
    expect(toProblem(undefined, 500).title).toBe("HTTP 500");
  });
});

describe("formatProblem", () => {
  it("prefers the detail", () => {
    expect(formatProblem({ title: "Invalid input", status: 422, detail: "image: bad" })).toBe("image: bad");
  });

  it("falls back to the title and field errors", () => {
    const problem = { title: "Invalid input", status: 422, errors: [{ loc: ["body", "ports", 0], msg: "too big" }] };
    expect(formatProblem(problem)).toBe("Invalid input: ports.0: too big");
    expect(formatProblem({ title: "Not found", status: 404 })).toBe("Not found");
  });
});

describe("fieldPath", () => {
  it("drops the request part of a location", () => {
    expect(fieldPath(["body", "health_check", "port"])).toBe("health_check.port");
    expect(fieldPath(["query", "limit"])).toBe("limit");
    expect(fieldPath(undefined)).toBe("");
  });
});

describe("errorMessage", () => {
  it("reads ApiErrors and anything else", () => {
    const err = new ApiError({ title: "Conflict", status: 409, detail: "Exists already." });
    expect(err.status).toBe(409);
    expect(errorMessage(err)).toBe("Exists already.");
    expect(errorMessage(new Error("offline"))).toContain("offline");
  });
});
