"use client";

import { Handle, type NodeProps, type NodeTypes, Position } from "@xyflow/react";
import { useTranslations } from "next-intl";
import type { FlowNode } from "../../../../../workspace/graph-layout";
import type { LocatedWhy } from "../../../../../workspace/protocol";
import { whyValues } from "../../../../../workspace/why-values";

/**
 * What a waiting or failing object says: its first reason in a line on the card, and on hover or keyboard
 * focus (every such card is a tab stop) the engine's message with each reason explained.
 */
function WhyHint({ why }: { why: LocatedWhy | undefined }) {
  const t = useTranslations("why");
  const first = why?.reasons[0];
  if (!why || !first) return null;
  return (
    <p className="dg-why-hint">
      <span aria-hidden="true">? </span>
      {t(`codes.${first.code}`, whyValues(first))}
    </p>
  );
}

/** The why of the card under the pointer or the keyboard focus, drawn at full size over the diagram. */
export function WhyOverlay({ why, side }: { why: LocatedWhy | undefined; side: "left" | "right" }) {
  const t = useTranslations("why");
  if (!why) return null;
  return (
    <div className={`diagram-why${side === "left" ? " at-left" : ""}`}>
      <p className="dg-tip-title">{t("title", { kind: why.kind, name: why.name })}</p>
      <p className="dg-tip-message">{why.message}</p>
      <ul>
        {why.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`}>
            {t(`codes.${r.code}`, whyValues(r))}
            {r.fieldPath ? <code> {r.fieldPath}</code> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TraceBadge({ traced }: { traced: number[] | undefined }) {
  const t = useTranslations("diagram");
  if (!traced || traced.length === 0) return null;
  return (
    <span className="dg-trace-badge" title={t("traceStep", { steps: traced.join(", ") })}>
      {traced.join("·")}
    </span>
  );
}

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
    <div
      className={`dg dg-pod health-${p.health}${data.traced ? " traced" : ""}`}
      data-testid={`pod-${p.name}`}
    >
      <Handles />
      <TraceBadge traced={data.traced} />
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
      {p.health !== "ok" ? <WhyHint why={data.why} /> : null}
    </div>
  );
}

function ClaimNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "claim") return null;
  const c = data.claim;
  return (
    <div className={`dg dg-side health-${c.health}`} data-testid={`claim-${c.name}`}>
      <Handles />
      <p className="dg-kind">{t("claim")}</p>
      <p className="dg-title">{c.name}</p>
      <p>
        <span className="dg-status">{c.phase}</span> · {c.request ?? ""} {c.accessModes.join(",")}{" "}
        {c.storageClassName !== undefined ? `· ${c.storageClassName || '""'}` : ""}
      </p>
      {c.health !== "ok" ? <WhyHint why={data.why} /> : null}
    </div>
  );
}

function VolumeNode({ data }: NodeProps<FlowNode>) {
  const t = useTranslations("diagram");
  if (data.kind !== "pv") return null;
  const v = data.pv;
  return (
    <div className={`dg dg-side health-${v.health}`} data-testid={`pv-${v.name}`}>
      <Handles />
      <p className="dg-kind">{t("volume")}</p>
      <p className="dg-title">{v.name}</p>
      <p>
        <span className="dg-status">{v.phase}</span> · {v.capacity ?? ""} {v.accessModes.join(",")} ·{" "}
        {v.reclaimPolicy ?? ""} {v.source ?? ""}
      </p>
      {v.health !== "ok" && v.claim ? (
        <p className="dg-why-hint">{t("pvClaim", { claim: `${v.claim.namespace}/${v.claim.name}` })}</p>
      ) : null}
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
    <div
      className={`dg dg-side health-${s.health}${data.traced ? " traced" : ""}`}
      data-testid={`service-${s.name}`}
    >
      <Handles />
      <TraceBadge traced={data.traced} />
      <p className="dg-kind">{t("service")}</p>
      <p className="dg-title">{s.name}</p>
      <p className="dg-mono">
        {s.type} {s.clusterIP ?? ""}
        {s.loadBalancer
          ? ` · ${s.loadBalancer === "pending" ? t("externalPending") : s.loadBalancer.ip}`
          : ""}
      </p>
      <p className="dg-mono" title={s.ports.join(", ")}>
        {s.ports.join(", ")} · {t("endpoints", { count: s.endpoints.length })}
      </p>
      {s.health !== "ok" ? <WhyHint why={data.why} /> : null}
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
