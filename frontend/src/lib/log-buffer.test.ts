import { describe, expect, it } from "vitest";

import { plainText } from "./ansi";
import { atBottom, LogBuffer, splitLines, visibleWindow } from "./log-buffer";

describe("LogBuffer", () => {
  it("parses lines with colours carried from one to the next", () => {
    const buffer = new LogBuffer();
    buffer.push(["\x1b[31mred", "still red\x1b[0m", "plain"]);
    expect(buffer.lines.map((l) => l.spans[0]?.fg ?? null)).toEqual(["red", "red", null]);
    expect(buffer.total).toBe(3);
  });

  it("drops the oldest lines past the cap, counting them", () => {
    const buffer = new LogBuffer(100);
    buffer.push(Array.from({ length: 250 }, (_, i) => `line ${i}`));
    expect(buffer.total).toBe(250);
    expect(buffer.lines.length).toBeLessThanOrEqual(100);
    expect(plainText(buffer.lines[0]!)).toBe(`line ${buffer.dropped}`);
    expect(plainText(buffer.lines.at(-1)!)).toBe("line 249");
  });

  it("takes 50,000 lines quickly", () => {
    const buffer = new LogBuffer();
    const started = performance.now();
    for (let batch = 0; batch < 500; batch++) {
      buffer.push(Array.from({ length: 100 }, (_, i) => `\x1b[32m#${batch * 100 + i}\x1b[0m step output`));
    }
    expect(buffer.lines.length).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("splitLines", () => {
  it("keeps an unfinished line for the next chunk", () => {
    const first = splitLines("", "a\nb\npart");
    expect(first).toEqual({ lines: ["a", "b"], rest: "part" });
    expect(splitLines(first.rest, "ial\n")).toEqual({ lines: ["partial"], rest: "" });
  });
});

describe("visibleWindow", () => {
  it("draws the rows in view plus overscan, within bounds", () => {
    expect(visibleWindow(0, 400, 20, 10_000, 5)).toEqual({ first: 0, last: 25 });
    expect(visibleWindow(2000, 400, 20, 10_000, 5)).toEqual({ first: 95, last: 125 });
    expect(visibleWindow(199_900, 400, 20, 10_000, 5)).toEqual({ first: 9990, last: 10_000 });
    expect(visibleWindow(0, 400, 20, 3, 5)).toEqual({ first: 0, last: 3 });
  });
});

describe("atBottom", () => {
  it("is true within the slack of the end", () => {
    expect(atBottom(600, 400, 1000, 20)).toBe(true);
    expect(atBottom(585, 400, 1000, 20)).toBe(true);
    expect(atBottom(500, 400, 1000, 20)).toBe(false);
  });
});
