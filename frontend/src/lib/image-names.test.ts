import { describe, expect, it } from "vitest";

import { baseImageRefError, dockerCommands, namespaceNameError, registryOf } from "./image-names";

describe("namespaceNameError", () => {
  it.each(["team", "a.b", "a_b", "a__b", "a---b", "t0"])("accepts %s", (name) => {
    expect(namespaceNameError(name)).toBeNull();
  });
  it.each(["Team", "a/b", "-a", "a-", "a..b", "a___b", "a", "x".repeat(64), "a b", "library"])(
    "refuses %s", (name) => {
      expect(namespaceNameError(name)).not.toBeNull();
    });
});

describe("baseImageRefError", () => {
  it("accepts a tag of the namespace", () => {
    expect(baseImageRefError("shop/base:v1", "shop")).toBeNull();
    expect(baseImageRefError("shop/tools/py:3.11-slim", "shop")).toBeNull();
  });
  it.each([
    ["shop/base", "Name the tag"], ["other/base:1", "Must be in shop/"],
    ["shop/Base:1", "Not a Docker repository name"], ["shop/base:-1", "Not a Docker tag"],
    ["shop/base:a b", "Not a Docker tag"],
  ])("refuses %s", (image, message) => {
    expect(baseImageRefError(image, "shop")).toContain(message);
  });
});

describe("docker commands", () => {
  it("names the registry, namespace and user", () => {
    const text = dockerCommands("127.0.0.1:5000", "shop", "ann");
    expect(text).toContain("docker login 127.0.0.1:5000 -u ann");
    expect(text).toContain("docker push 127.0.0.1:5000/shop/<repository>:<tag>");
  });
  it("reads the registry from a reference", () => {
    expect(registryOf("127.0.0.1:5000/library/busybox:1.35")).toBe("127.0.0.1:5000");
  });
});
