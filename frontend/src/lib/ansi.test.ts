import { describe, expect, it } from "vitest";

import { applySgr, parseAnsiLine, PLAIN, plainText, spanClass } from "./ansi";

const ESC = "\x1b";

describe("parseAnsiLine", () => {
  it("keeps plain text as one unstyled span", () => {
    expect(parseAnsiLine("Step 1/4 : FROM busybox").spans).toEqual([
      { text: "Step 1/4 : FROM busybox", fg: null, bold: false },
    ]);
    expect(parseAnsiLine("").spans).toEqual([]);
  });

  it("colours 30-37 and 90-97, bold, and resets", () => {
    const line = parseAnsiLine(`${ESC}[31merror${ESC}[0m ok ${ESC}[1;92mdone${ESC}[m.`);
    expect(line.spans).toEqual([
      { text: "error", fg: "red", bold: false },
      { text: " ok ", fg: null, bold: false },
      { text: "done", fg: "bright-green", bold: true },
      { text: ".", fg: null, bold: false },
    ]);
    expect(line.end).toEqual(PLAIN);
  });

  it("carries a style into the next line", () => {
    const first = parseAnsiLine(`${ESC}[33mwarning: one`);
    expect(first.end).toEqual({ fg: "yellow", bold: false });
    expect(parseAnsiLine("two", first.end).spans).toEqual([{ text: "two", fg: "yellow", bold: false }]);
  });

  it("strips escapes that are not colours, and control bytes", () => {
    const text = `${ESC}[2K${ESC}[1Gpulling${ESC}]0;title\x07 layer${ESC}[?25l\x07\x08 ok${ESC}c${ESC}(B`;
    expect(plainText(parseAnsiLine(text))).toBe("pulling layer ok");
  });

  it("keeps tabs and shows only what follows the last carriage return", () => {
    expect(plainText(parseAnsiLine("a\tb"))).toBe("a\tb");
    expect(plainText(parseAnsiLine("10%\r50%\r100% done\r"))).toBe("100% done");
  });

  it("merges neighbouring spans of the same style", () => {
    expect(parseAnsiLine(`${ESC}[31ma${ESC}[31mb`).spans).toEqual([{ text: "ab", fg: "red", bold: false }]);
  });
});

describe("applySgr", () => {
  it("handles default colour, normal intensity and empty params", () => {
    const red = applySgr(PLAIN, "1;31");
    expect(red).toEqual({ fg: "red", bold: true });
    expect(applySgr(red, "39")).toEqual({ fg: null, bold: true });
    expect(applySgr(red, "22")).toEqual({ fg: "red", bold: false });
    expect(applySgr(red, "")).toEqual(PLAIN);
    expect(applySgr(red, "0")).toEqual(PLAIN);
  });

  it("does not read 256-colour or RGB numbers as codes", () => {
    expect(applySgr(PLAIN, "38;5;31")).toEqual(PLAIN);
    expect(applySgr(PLAIN, "38;2;31;1;97")).toEqual(PLAIN);
    expect(applySgr(PLAIN, "48;5;1;32")).toEqual({ fg: "green", bold: false });
  });

  it("ignores codes it does not draw (underline, backgrounds)", () => {
    expect(applySgr(PLAIN, "4;41")).toEqual(PLAIN);
  });
});

describe("spanClass", () => {
  it("names colour and weight", () => {
    expect(spanClass({ fg: "bright-blue", bold: true })).toBe("ansi-bright-blue ansi-bold");
    expect(spanClass(PLAIN)).toBeUndefined();
  });
});
