import { describe, expect, it } from "vitest";

import { parseLogLine, parseLogs } from "./logs";

describe("log lines", () => {
  it("split Docker's timestamp from the text", () => {
    expect(parseLogLine("2026-11-26T16:48:22.123456789Z GET / 200")).toEqual({ time: "16:48:22.123", text: "GET / 200" });
    expect(parseLogLine("2026-11-26T16:48:22Z started")).toEqual({ time: "16:48:22.000", text: "started" });
    expect(parseLogLine("2026-11-26T16:48:22.5+02:00 x")).toEqual({ time: "16:48:22.500", text: "x" });
  });

  it("keep lines without a timestamp whole", () => {
    expect(parseLogLine("plain output")).toEqual({ time: null, text: "plain output" });
    expect(parseLogLine("")).toEqual({ time: null, text: "" });
  });

  it("split an answer into lines", () => {
    expect(parseLogs("")).toEqual([]);
    expect(parseLogs("2026-11-26T16:48:22Z a\n2026-11-26T16:48:23Z b\n").map((l) => l.text)).toEqual(["a", "b"]);
    expect(parseLogs("a\r\n\r\nb")).toHaveLength(3);
  });
});
