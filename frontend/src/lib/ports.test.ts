import { describe, expect, it } from "vitest";

import { parseDomains } from "./domains";
import { formatPorts, parsePorts } from "./ports";

describe("parsePorts", () => {
  it("reads ports with optional protocols", () => {
    expect(parsePorts("8080, 53/udp 9000/TCP")).toEqual({
      ports: [
        { container_port: 8080, protocol: "tcp" },
        { container_port: 53, protocol: "udp" },
        { container_port: 9000, protocol: "tcp" },
      ],
      errors: [],
    });
    expect(parsePorts("  ").ports).toEqual([]);
  });

  it("rejects bad and repeated ports", () => {
    expect(parsePorts("0, 70000, http, 80/sctp").errors).toHaveLength(4);
    expect(parsePorts("80 80/tcp 80/udp").errors).toEqual(["80/tcp appears twice"]);
  });

  it("formats ports back", () => {
    expect(formatPorts([{ container_port: 80 }, { container_port: 53, protocol: "udp" }])).toBe("80/tcp, 53/udp");
  });
});

describe("parseDomains", () => {
  it("lower-cases, splits and de-duplicates", () => {
    expect(parseDomains("Shop.example.com, api.example.com\nshop.example.com")).toEqual({
      domains: ["shop.example.com", "api.example.com"],
      errors: [],
    });
  });

  it("rejects names that are not domains", () => {
    expect(parseDomains("localhost -bad.example.com under_score.io").errors).toHaveLength(3);
  });
});
