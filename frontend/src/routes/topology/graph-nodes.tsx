import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";

import { shortId } from "../../lib/format";
import type { AppNode, ClusterNode, ContainerNode, FrameNode, VersionNode } from "../../lib/topology-layout";

type Props<T extends Record<string, unknown>> = NodeProps<Node<T>>;
const In = () => <Handle type="target" position={Position.Left} isConnectable={false} />;
const Out = () => <Handle type="source" position={Position.Right} isConnectable={false} />;

const AppBox = memo(function AppBox({ data }: Props<AppNode>) {
  return (
    <div className="g-node g-app">
      <div className="g-title">{data.name}</div>
      <div className="g-sub">{data.domains.length ? data.domains.join(", ") : "no domain"}</div>
      <Out />
    </div>
  );
});

const ClusterBox = memo(function ClusterBox({ data, selected }: Props<ClusterNode>) {
  return (
    <div className={`g-node g-cluster g-tone-${data.tone} ${selected ? "g-selected" : ""}`}
      aria-label={`Cluster ${data.name}: ${data.serving} of ${data.replicas} serving`}>
      <In />
      <div className="g-title">{data.name}</div>
      <div className="g-sub">{data.serving}/{data.replicas} serving{data.desired ? ` · wants v${data.desired}` : ""}</div>
      <div className="g-hint">Click to add a container</div>
      <Out />
    </div>
  );
});

const VersionBox = memo(function VersionBox({ data }: Props<VersionNode>) {
  return (
    <div className={`g-node g-version g-role-${data.role}`}>
      <In />
      <div className="g-title">v{data.number} <span className="g-tag">{data.role}</span></div>
      <div className="g-sub mono" title={data.image}>{data.image.split("/").pop()}</div>
      <Out />
    </div>
  );
});

const Frame = memo(function Frame({ data }: Props<FrameNode>) {
  return <div className="g-frame" aria-hidden="true" data-count={data.count}><In /></div>;
});

const ContainerBox = memo(function ContainerBox({ data, selected }: Props<ContainerNode>) {
  const c = data.container;
  const health = data.healthTone ? ` g-health-${data.healthTone}` : "";
  return (
    <div className={`g-node g-container g-tone-${data.tone}${health}${data.grayscale ? " g-grayscale" : ""}${selected ? " g-selected" : ""}`}
      data-state={c.state} data-health={c.health ?? ""}
      aria-label={`Container ${shortId(c.id)} on ${c.host_name ?? "no host"}: ${c.state}${c.health ? `, ${c.health}` : ""}${data.grayscale ? ", grayscale" : ""}`}>
      <div className="g-title mono"><span className={`dot dot-${data.tone}`} />{shortId(c.id)}{data.grayscale && <span className="g-tag">gray</span>}</div>
      <div className="g-sub">{c.host_name ?? "unplaced"} · {c.health && c.state === "running" ? c.health : c.state}</div>
    </div>
  );
});

export const NODE_TYPES = { app: AppBox, cluster: ClusterBox, version: VersionBox, frame: Frame, container: ContainerBox };
