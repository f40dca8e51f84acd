import type { TopologyVersion } from "../../api/deployments";
import { Badge, type Tone } from "../../components/badge";
import { type VersionRole, versionRole } from "../../lib/topology";
import { ContainerRow } from "./container-row";
import type { LogsTarget } from "./logs-drawer";

const ROLES: Record<VersionRole, { label: string; tone: Tone; hint: string }> = {
  desired: { label: "desired", tone: "green", hint: "The version the deployment runs" },
  grayscale: { label: "grayscale", tone: "amber", hint: "A newer version on some containers only" },
  previous: { label: "previous", tone: "gray", hint: "An older version still on some containers" },
};

export type Picking = {
  target: number;
  checked: ReadonlySet<string>;
  toggle: (containerIds: string[], checked: boolean) => void;
};

export const CONTAINER_COLUMNS = ["Container", "Host", "State", "Health", "Traffic", "Published", ""];

/** One version in a cluster: a heading row, then its containers. */
export function VersionRows({ appId, version, desired, canOperate, picking, onLogs }: {
  appId: string;
  version: TopologyVersion;
  desired: number | null | undefined;
  canOperate: boolean;
  picking: Picking;
  onLogs: (target: LogsTarget) => void;
}) {
  const role = ROLES[versionRole(version.number, desired)];
  const columns = CONTAINER_COLUMNS.length + (canOperate ? 1 : 0);
  const n = version.containers.length;
  const pickable = version.number === picking.target ? [] : version.containers.map((c) => c.id);
  const allPicked = pickable.length > 0 && pickable.every((id) => picking.checked.has(id));
  return (
    <tbody data-testid={`topology-v${version.number}`}>
      <tr className="version-row">
        {canOperate && (
          <td className="check-cell">
            <input type="checkbox" disabled={pickable.length === 0} checked={allPicked}
              title={pickable.length ? `Pick every v${version.number} container` : "Already on the target version"}
              aria-label={`Pick every v${version.number} container for the upgrade`}
              onChange={(e) => picking.toggle(pickable, e.target.checked)} />
          </td>
        )}
        <td colSpan={columns - (canOperate ? 1 : 0)}>
          <div className="version-head">
            <Badge tone="blue">v{version.number}</Badge>
            <span title={role.hint}><Badge tone={role.tone}>{role.label}</Badge></span>
            <code className="muted truncate" title={version.image}>{version.image}</code>
            <span className="muted small">· {n} container{n === 1 ? "" : "s"}</span>
          </div>
        </td>
      </tr>
      {version.containers.map((c) => (
        <ContainerRow key={c.id} appId={appId} container={c} version={version.number} canOperate={canOperate}
          columns={columns} onLogs={onLogs}
          pick={version.number === picking.target ? undefined : {
            checked: picking.checked.has(c.id),
            onChange: (checked) => picking.toggle([c.id], checked),
          }} />
      ))}
    </tbody>
  );
}
