import { describe, expect, it } from "vitest";

import { ApiError } from "../api/problem";
import { placeErrors, versionFieldOf } from "./field-errors";

const invalid = (errors: { loc: unknown[]; msg: string }[]) =>
  new ApiError({ type: "about:blank", title: "Invalid input", status: 422, errors });

describe("placeErrors", () => {
  it("puts each error beside its field and keeps the rest", () => {
    const placed = placeErrors(invalid([
      { loc: ["body", "image"], msg: "Value error, 'X' is not an image reference like registry/name:tag" },
      { loc: ["body", "health_check", "interval_s"], msg: "Input should be less than or equal to 300" },
      { loc: ["body", "health_check"], msg: "Value error, timeout_s must not exceed interval_s" },
      { loc: ["body", "volumes", 0, "container_path"], msg: "Value error, 'x' is not an absolute path" },
      { loc: ["body", "memory_mb"], msg: "memory_mb must be between 4 and 16384 MiB, not 20000" },
      { loc: ["body"], msg: "Value error, a port and protocol may appear only once" },
    ]), versionFieldOf);
    expect(placed.fields).toEqual({
      image: "'X' is not an image reference like registry/name:tag",
      health_interval_s: "Input should be less than or equal to 300",
      health_type: "Timeout_s must not exceed interval_s",
      volumes: "'x' is not an absolute path",
      memory_mb: "Memory_mb must be between 4 and 16384 MiB, not 20000",
    });
    expect(placed.rest).toEqual(["A port and protocol may appear only once"]);
  });

  it("places nothing for errors that are not a 422", () => {
    const conflict = new ApiError({ type: "about:blank", title: "Conflict", status: 409, detail: "busy" });
    expect(placeErrors(conflict, versionFieldOf)).toEqual({ fields: {}, rest: [] });
    expect(placeErrors(new Error("offline"), versionFieldOf)).toEqual({ fields: {}, rest: [] });
  });
});
