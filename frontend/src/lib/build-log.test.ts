import { describe, expect, it } from "vitest";

import { authMessage, buildLogUrl, closeMessage, isFinished, parseLogFrame } from "./build-log";

describe("build log protocol", () => {
  it("builds the socket URL from the page's origin", () => {
    expect(buildLogUrl("b1", { protocol: "http:", host: "127.0.0.1:8000" }))
      .toBe("ws://127.0.0.1:8000/api/v1/builds/b1/log/stream");
    expect(buildLogUrl("a/b", { protocol: "https:", host: "dock.example" }))
      .toBe("wss://dock.example/api/v1/builds/a%2Fb/log/stream");
  });

  it("authenticates with the first message", () => {
    expect(JSON.parse(authMessage("tok"))).toEqual({ type: "auth", token: "tok" });
  });

  it("reads line frames, backlogs and the end", () => {
    expect(parseLogFrame('{"type":"line","line":"Step 1"}')).toEqual({ type: "lines", lines: ["Step 1"] });
    expect(parseLogFrame('{"type":"lines","lines":["a","b"]}')).toEqual({ type: "lines", lines: ["a", "b"] });
    expect(parseLogFrame('{"type":"log","data":"a\\nb\\n"}')).toEqual({ type: "lines", lines: ["a", "b"] });
    expect(parseLogFrame('{"type":"end","status":"succeeded"}')).toEqual({ type: "end", status: "succeeded" });
  });

  it("ignores what it does not know", () => {
    expect(parseLogFrame("not json")).toBeNull();
    expect(parseLogFrame('{"type":"ping"}')).toBeNull();
    expect(parseLogFrame("3")).toBeNull();
  });

  it("says why a stream stopped", () => {
    expect(closeMessage(4404)).toMatch(/no such build/);
    expect(closeMessage(1006)).toMatch(/code 1006/);
  });

  it("knows the final states", () => {
    expect(["queued", "running", "succeeded", "failed", "cancelled"].map(isFinished))
      .toEqual([false, false, true, true, true]);
  });
});
