import type { components } from "../api/schema.gen";

export type PortSpec = components["schemas"]["PortSpec"];
export type ParsedPorts = { ports: PortSpec[]; errors: string[] };

/** "8080, 9000/udp" → port specs; the protocol defaults to tcp and each pair appears once. */
export function parsePorts(text: string): ParsedPorts {
  const ports: PortSpec[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^(\d{1,5})(?:\/(tcp|udp))?$/i.exec(item);
    const port = match ? Number(match[1]) : NaN;
    if (!match || port < 1 || port > 65535) {
      errors.push(`${JSON.stringify(item)} is not a port like 8080 or 53/udp`);
      continue;
    }
    const protocol = (match[2]?.toLowerCase() ?? "tcp") as PortSpec["protocol"];
    const key = `${port}/${protocol}`;
    if (seen.has(key)) errors.push(`${key} appears twice`);
    seen.add(key);
    ports.push({ container_port: port, protocol });
  }
  return { ports, errors };
}

export function formatPorts(ports: PortSpec[] | undefined): string {
  return (ports ?? []).map((p) => `${p.container_port}/${p.protocol ?? "tcp"}`).join(", ");
}
