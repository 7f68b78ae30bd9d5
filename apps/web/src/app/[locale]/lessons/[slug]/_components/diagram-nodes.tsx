"use client";

import { Handle, type NodeProps, type NodeTypes, Position } from "@xyflow/react";
import { useTranslations } from "next-intl";
import type { FlowNode } from "../../../../../workspace/graph-layout";

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="diagram-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="diagram-handle" isConnectable={false} />
    </>
  );
}

function VpcNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "vpc") return null;
  const v = data.vpc;
  return (
    <div className="dg dg-vpc">
      <p className="dg-title">{t("vpc", { network: v.network, region: v.region })}</p>
      <p>{t("subnet", { subnet: v.subnet })}</p>
      <p className="dg-ranges">
        <span>{t("nodeRange", { range: v.nodeRange })}</span>
        <span>{t("podRange", { range: v.podRange })}</span>
        <span>{t("serviceRange", { range: v.serviceRange })}</span>
      </p>
    </div>
  );
}

function KubeNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "node") return null;
  const n = data.node;
  return (
    <div className={`dg dg-node health-${n.health}`}>
      <p className="dg-title" title={n.name}>
        {t("node")} {n.name}
      </p>
      <p>{t("zone", { zone: n.zone })}</p>
      <p>{t("nodeIp", { ip: n.internalIp })}</p>
      <p className="dg-range">{t("podCidr", { range: n.podCIDR })}</p>
    </div>
  );
}

function UnscheduledNode() {
  const t = useTranslations("diagram");
  return (
    <div className="dg dg-node dg-unscheduled">
      <p className="dg-title">{t("unscheduled")}</p>
    </div>
  );
}

function PodNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "pod") return null;
  const p = data.pod;
  const volumes = p.volumes.filter((v) => !v.system);
  return (
    <div className={`dg dg-pod health-${p.health}`} title={p.why ?? undefined} data-testid={`pod-${p.name}`}>
      <Handles />
      <p className="dg-title">
        <span className="dot" aria-hidden="true" />
        {p.name}
        {p.namespace !== "default" ? <span className="muted"> ({p.namespace})</span> : null}
      </p>
      <p className="dg-sub">
        <span>{p.ip ? t("podIp", { ip: p.ip }) : t("noIp")}</span>
        <span className="dg-status">{data.status}</span>
      </p>
      {p.containers.map((c) => (
        <p key={c.name} className={`dg-container state-${c.state}`}>
          ▸ {c.name} <span className="muted">{c.image}</span>
          {c.ports.length > 0 ? (
            <span className="muted"> :{c.ports.map((x) => x.containerPort).join(",")}</span>
          ) : null}
        </p>
      ))}
      {volumes.length > 0 ? <p className="dg-label">{t("volumes")}</p> : null}
      {volumes.map((v) => (
        <div key={v.name}>
          <p className="dg-volume">
            ⛁ {v.name}{" "}
            <span className="muted">
              {v.type}
              {v.detail ? ` ${v.detail}` : ""}
            </span>
          </p>
          {v.mounts.map((m) => (
            <p key={`${m.container}:${m.mountPath}`} className="dg-mount">
              {t("mount", { container: m.container, path: m.mountPath })}
              {m.readOnly ? <span className="muted"> ({t("readOnly")})</span> : null}
            </p>
          ))}
        </div>
      ))}
      {p.why ? <p className="dg-why">{p.why}</p> : null}
    </div>
  );
}

function ClaimNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "claim") return null;
  const c = data.claim;
  return (
    <div className={`dg dg-side health-${c.health}`}>
      <Handles />
      <p className="dg-kind">{t("claim")}</p>
      <p className="dg-title">{c.name}</p>
      <p>
        {c.phase} · {c.request ?? ""} {c.accessModes.join(",")}{" "}
        {c.storageClassName !== undefined ? `· ${c.storageClassName || '""'}` : ""}
      </p>
    </div>
  );
}

function VolumeNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "pv") return null;
  const v = data.pv;
  return (
    <div className={`dg dg-side health-${v.health}`}>
      <Handles />
      <p className="dg-kind">{t("volume")}</p>
      <p className="dg-title">{v.name}</p>
      <p>
        {v.phase} · {v.capacity ?? ""} {v.accessModes.join(",")} · {v.reclaimPolicy ?? ""} {v.source ?? ""}
      </p>
    </div>
  );
}

function ClassNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "sc") return null;
  const s = data.sc;
  return (
    <div className="dg dg-side">
      <Handles />
      <p className="dg-kind">{t("storageClass")}</p>
      <p className="dg-title">
        {s.name}
        {s.isDefault ? " (default)" : ""}
      </p>
      <p>
        {s.provisioner} · {s.volumeBindingMode}
      </p>
    </div>
  );
}

function ServiceNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "service") return null;
  const s = data.service;
  return (
    <div className={`dg dg-side health-${s.health}`}>
      <Handles />
      <p className="dg-kind">{t("service")}</p>
      <p className="dg-title">{s.name}</p>
      <p>
        {s.type} {s.clusterIP ?? ""} · {t("endpoints", { count: s.endpoints.length })}
      </p>
    </div>
  );
}

export const DIAGRAM_NODE_TYPES: NodeTypes = {
  vpc: VpcNode,
  k8snode: KubeNode,
  unscheduled: UnscheduledNode,
  pod: PodNode,
  claim: ClaimNode,
  pv: VolumeNode,
  sc: ClassNode,
  service: ServiceNode,
};
