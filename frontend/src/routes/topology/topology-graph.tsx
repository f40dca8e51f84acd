import "@xyflow/react/dist/style.css";

import { type Edge, type Node, ReactFlow, Background, Controls } from "@xyflow/react";
import { useMemo, useState } from "react";

import type { Topology } from "../../api/deployments";
import { layoutTopology, type NodeData } from "../../lib/topology-layout";
import type { LogsTarget } from "../deployment/logs-drawer";
import { GraphActions, type Selection } from "./graph-actions";
import { NODE_TYPES } from "./graph-nodes";

const EDGE_COLOURS = { green: "#12b76a", amber: "#f79009", red: "#f04438", blue: "#2e90fa", gray: "#98a2b3" };

type Props = {
  appId: string;
  topology: Topology;
  versions: number[];
  canOperate: boolean;
  onLogs: (target: LogsTarget) => void;
};

function toFlow(topology: Topology): { nodes: Node<NodeData>[]; edges: Edge[] } {
  const laid = layoutTopology(topology);
  return {
    nodes: laid.nodes.map((n) => ({
      id: n.id, type: n.data.kind, position: { x: n.x, y: n.y }, data: n.data,
      width: n.w, height: n.h, style: { width: n.w, height: n.h },
      draggable: false, connectable: false,
      selectable: n.data.kind === "cluster" || n.data.kind === "container",
      zIndex: n.data.kind === "frame" ? -1 : 0,
    })),
    edges: laid.edges.map((e) => ({
      id: e.id, source: e.source, target: e.target, type: "smoothstep", focusable: false,
      style: { stroke: EDGE_COLOURS[e.tone], strokeWidth: 1.5 },
    })),
  };
}

function selectionOf(node: Node<NodeData>): Selection | null {
  const d = node.data;
  if (d.kind === "cluster") return { kind: "cluster", clusterId: d.clusterId, name: d.name };
  if (d.kind === "container") return { kind: "container", clusterId: d.clusterId, containerId: d.container.id };
  return null;
}

/** The app's topology as a graph; clicking a cluster or a container offers its actions. */
export default function TopologyGraph({ appId, topology, versions, canOperate, onLogs }: Props) {
  const { nodes, edges } = useMemo(() => toFlow(topology), [topology]);
  const [selected, setSelected] = useState<Selection | null>(null);
  const height = Math.min(640, Math.max(260, nodes.length * 12));

  return (
    <div className="topology-graph" data-testid="topology-graph">
      <div style={{ height }} className="graph-canvas">
        {/* Mounted again when nodes come or go, so the view fits what is there now. */}
        <ReactFlow key={nodes.length} nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView minZoom={0.1}
          nodesDraggable={false} nodesConnectable={false} elementsSelectable proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => setSelected(selectionOf(node))} onPaneClick={() => setSelected(null)}>
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      {selected && (
        <GraphActions appId={appId} topology={topology} selection={selected} versions={versions}
          canOperate={canOperate} onLogs={onLogs} onClose={() => setSelected(null)} />
      )}
    </div>
  );
}
