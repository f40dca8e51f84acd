import { describe, expect, it } from "vitest";

import { parseConstraints } from "./constraints";
import { formatVolumes, parseVolumes } from "./volumes";

describe("parseVolumes", () => {
  it("reads named volumes and data directories", () => {
    const text = "cache:/var/cache\n# comment\n./uploads/img:/data:ro\n";
    const parsed = parseVolumes(text);
    expect(parsed).toEqual({
      errors: [],
      volumes: [
        { container_path: "/var/cache", volume: "cache", read_only: false },
        { container_path: "/data", data_dir: "uploads/img", read_only: true },
      ],
    });
    expect(formatVolumes(parsed.volumes)).toBe("cache:/var/cache\n./uploads/img:/data:ro");
  });

  it.each([
    ["cache", 'line 1: "cache" is not SOURCE:/path or SOURCE:/path:ro'],
    ["cache:data", 'line 1: "data" is not an absolute path'],
    ["cache:/", "line 1: the container root cannot be a volume"],
    ["cache:/a/../b", 'line 1: "/a/../b" is not normalised (no ".", "..", "//" or trailing "/")'],
    ["./../etc:/x", `line 1: "./../etc" must stay inside the app's data directory (no "..", "." or empty parts)`],
    ["-bad:/x", 'line 1: "-bad" is not a volume name (letters, digits, _ . -)'],
    ["a:/x\nb:/x", "line 2: /x is mounted twice"],
    ["a:/x:rx", 'line 1: "a:/x:rx" is not SOURCE:/path or SOURCE:/path:ro'],
  ])("%j is refused", (text, error) => {
    expect(parseVolumes(text).errors).toEqual([error]);
  });

  it("keeps the server's item limit", () => {
    const text = Array.from({ length: 3 }, (_, i) => `v${i}:/d${i}`).join("\n");
    expect(parseVolumes(text, 2).errors).toEqual(["at most 2 volumes"]);
  });
});

describe("parseConstraints", () => {
  it("reads label=value lines with the server's limits", () => {
    expect(parseConstraints("zone = a\nssd=yes")).toEqual({ constraints: { zone: "a", ssd: "yes" }, errors: [] });
    expect(parseConstraints("a=1\na=2").errors).toEqual(["line 2: a is given twice"]);
    expect(parseConstraints("abcd=1", { keyMaxLength: 3 }).errors).toEqual(["line 1: a label is at most 3 characters"]);
    expect(parseConstraints("a=1\nb=2", { maxProperties: 1 }).errors).toEqual(["at most 1 constraints"]);
  });
});
