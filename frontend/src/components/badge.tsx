import type { ReactNode } from "react";

import type { HostStatus } from "../api/clusters";
import type { Role } from "../api/groups";

export type Tone = "green" | "red" | "amber" | "blue" | "gray";

export function Badge({ tone = "gray", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const HOST_TONES: Record<HostStatus, Tone> = { Ready: "green", NotReady: "red", Cordoned: "amber" };

export function HostStatusBadge({ status }: { status: HostStatus }) {
  return <Badge tone={HOST_TONES[status]}>{status}</Badge>;
}

const ROLE_TONES: Record<Role, Tone> = { owner: "blue", admin: "blue", developer: "green", viewer: "gray" };

export function RoleBadge({ role }: { role: Role | null | undefined }) {
  return role ? <Badge tone={ROLE_TONES[role]}>{role}</Badge> : <Badge>platform</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const tone: Tone = outcome === "success" ? "green" : outcome === "failure" || outcome === "error" ? "red" : "gray";
  return <Badge tone={tone}>{outcome}</Badge>;
}
