import { describe, expect, it } from "vitest";

import { type Domain, domainStatus } from "./domains";

const base: Domain = {
  domain: "shop.example.test", url: "http://shop.example.test:8080/", state: "routed", serving: 3,
  certificate: null,
};

describe("domainStatus", () => {
  it("counts the containers a routed domain reaches", () => {
    expect(domainStatus(base)).toBe("routed to 3 containers");
    expect(domainStatus({ ...base, serving: 1 })).toBe("routed to 1 container");
  });
  it("says why nothing is reached", () => {
    expect(domainStatus({ ...base, state: "no_serving_container", serving: 0 })).toBe("no serving container");
    expect(domainStatus({ ...base, state: "not_deployed", serving: 0 })).toBe("not deployed");
  });
});
