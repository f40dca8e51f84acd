import { describe, expect, it } from "vitest";

import { formatEnv, MAX_ENV_VALUE, parseEnv } from "./env";

describe("parseEnv", () => {
  it("parses KEY=VALUE lines into an object", () => {
    expect(parseEnv("A=1\nb_2=two words\n_X=\nURL=a=b")).toEqual({
      env: { A: "1", b_2: "two words", _X: "", URL: "a=b" },
      errors: [],
    });
  });

  it("skips blank lines and comments, and accepts CRLF", () => {
    expect(parseEnv("\n# comment\n  \r\nA=1\r\n")).toEqual({ env: { A: "1" }, errors: [] });
  });

  it("trims the name but keeps the value as typed", () => {
    expect(parseEnv("  A = x ").env).toEqual({ A: " x " });
  });

  it.each([
    ["1ABC=x", '"1ABC" is not a valid variable name'],
    ["MY-VAR=x", '"MY-VAR" is not a valid variable name'],
    ["ÄPFEL=x", "not a valid variable name"],
    ["=x", "needs a name"],
    ["JUSTANAME", "expected KEY=VALUE"],
    ["A=x\rB=y", "contains a newline or NUL"],
    ["A=x\0", "contains a newline or NUL"],
  ])("rejects %j", (text, message) => {
    const { errors } = parseEnv(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
    expect(errors[0]?.message).toContain(message);
  });

  it("reports the line of each mistake and keeps the good lines", () => {
    const { env, errors } = parseEnv("A=1\n2B=2\nC=3\nA=4");
    expect(env).toEqual({ A: "1", C: "3" });
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(errors[1]?.message).toBe("A is set twice");
  });

  it("limits value length and count like the server", () => {
    expect(parseEnv(`A=${"x".repeat(MAX_ENV_VALUE)}`).errors).toEqual([]);
    expect(parseEnv(`A=${"x".repeat(MAX_ENV_VALUE + 1)}`).errors[0]?.message).toContain("longer than");
    const many = Array.from({ length: 257 }, (_, i) => `V${i}=1`).join("\n");
    expect(parseEnv(many).errors).toEqual([{ line: 0, message: "at most 256 variables" }]);
  });
});

describe("formatEnv", () => {
  it("is the sorted inverse of parseEnv", () => {
    const env = { B: "2", A: "x=y" };
    expect(formatEnv(env)).toBe("A=x=y\nB=2");
    expect(parseEnv(formatEnv(env)).env).toEqual(env);
  });
});
