import { describe, expect, it } from "vitest";

import { formatArgs, parseArgs } from "./args";

describe("parseArgs", () => {
  it.each([
    ["httpd -f -p 8080", ["httpd", "-f", "-p", "8080"]],
    ["  sh   -c  'echo $HOME; ls'  ", ["sh", "-c", "echo $HOME; ls"]],
    [`echo "a \\"quoted\\" word" b\\ c`, ["echo", 'a "quoted" word', "b c"]],
    ["echo ''", ["echo", ""]],
    ["", []],
  ])("%s", (text, args) => {
    expect(parseArgs(text)).toEqual({ args, error: null });
  });

  it("refuses an unclosed quote", () => {
    expect(parseArgs(`echo "hi`).error).toBe("a double quote is not closed");
  });
});

describe("formatArgs", () => {
  it.each([
    [["httpd", "-f"]],
    [["sh", "-c", "echo it's $HOME"]],
    [["echo", "", "a\\b", 'say "hi"']],
  ])("round-trips %j", (args) => {
    expect(parseArgs(formatArgs(args)).args).toEqual(args);
  });

  it("leaves plain words bare", () => {
    expect(formatArgs(["nginx", "-g", "daemon off;"])).toBe("nginx -g 'daemon off;'");
    expect(formatArgs(null)).toBe("");
  });
});
