import { describe, expect, it } from "vitest";

import { EtagCache } from "./etag-cache";

describe("EtagCache", () => {
  it("asks conditionally once it has an answer and reuses it on 304", () => {
    const cache = new EtagCache<{ n: number }>();
    expect(cache.headers("a")).toEqual({});
    const first = cache.store("a", '"v1"', { n: 1 });
    expect(cache.headers("a")).toEqual({ "If-None-Match": '"v1"' });
    expect(cache.reuse("a")).toBe(first);
    expect(cache.headers("b")).toEqual({});
  });

  it("forgets an answer that came without an ETag", () => {
    const cache = new EtagCache<number>();
    cache.store("a", '"v1"', 1);
    cache.store("a", null, 2);
    expect(cache.headers("a")).toEqual({});
    expect(cache.reuse("a")).toBeUndefined();
  });
});
