import type { Service } from "../api/service";
import { Component, Messages, Reason } from "../events/reasons";
import { SECOND } from "../runtime/time";
import type { Tx } from "../store/tx";

// GKE's service controller (cloud-provider-gcp, k8s.io/cloud-provider/controllers/service): a
// LoadBalancer Service gets an external passthrough Network Load Balancer. Creating one takes GKE
// about half a minute to a minute; until then EXTERNAL-IP is <pending>. The finalizer keeps the
// Service until its load balancer is gone.
export const LB_FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
/** [engine choice] How long GKE takes to create a forwarding rule: 35 s plus up to 15 s. */
const CREATE_MS = 35 * SECOND;
const DELETE_MS = 12 * SECOND;

const timerKey = (s: Service) => `service-lb/${s.metadata.uid}`;

export function reconcileLoadBalancers(tx: Tx): void {
  for (const svc of tx.list<Service>("Service")) {
    const hasFinalizer = svc.metadata.finalizers?.includes(LB_FINALIZER) ?? false;
    const wantsLb = svc.spec.type === "LoadBalancer" && !svc.metadata.deletionTimestamp;
    const key = timerKey(svc);
    const due = tx.timers[key];
    if (wantsLb) {
      const ingress = svc.status.loadBalancer.ingress ?? [];
      if (!hasFinalizer) {
        tx.update<Service>({
          ...svc,
          metadata: { ...svc.metadata, finalizers: [...(svc.metadata.finalizers ?? []), LB_FINALIZER] },
        });
        event(tx, svc, Reason.EnsuringLoadBalancer, Messages.ensuringLoadBalancer);
        tx.setTimer(key, tx.clock + CREATE_MS + tx.ids.below(15 * SECOND));
        continue;
      }
      if (ingress.length === 0 && due !== undefined && due <= tx.clock) {
        const ip = svc.spec.loadBalancerIP || externalIp(tx);
        tx.update<Service>({ ...svc, status: { loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } } });
        event(tx, svc, Reason.EnsuredLoadBalancer, Messages.ensuredLoadBalancer);
        tx.setTimer(key, undefined);
      }
      continue;
    }
    if (!hasFinalizer) continue;
    // No longer a LoadBalancer (deleted, or its type changed): take the load balancer down.
    if (due === undefined) {
      event(tx, svc, Reason.DeletingLoadBalancer, Messages.deletingLoadBalancer);
      tx.setTimer(key, tx.clock + DELETE_MS);
      continue;
    }
    if (due > tx.clock) continue;
    tx.update<Service>({
      ...svc,
      metadata: { ...svc.metadata, finalizers: svc.metadata.finalizers?.filter((f) => f !== LB_FINALIZER) },
      status: { loadBalancer: {} },
    });
    event(tx, svc, Reason.DeletedLoadBalancer, Messages.deletedLoadBalancer);
    tx.setTimer(key, undefined);
  }
}

function event(tx: Tx, svc: Service, reason: string, message: string): void {
  tx.event(svc, "Normal", reason, message, { component: Component.service });
}

/** [engine choice] An ephemeral external address, as Google Cloud hands out from its 34.x and 35.x blocks. */
function externalIp(tx: Tx): string {
  const taken = new Set(
    tx.list<Service>("Service").flatMap((s) => (s.status.loadBalancer.ingress ?? []).map((i) => i.ip)),
  );
  for (;;) {
    const ip = `${34 + tx.ids.below(2)}.${tx.ids.below(256)}.${tx.ids.below(256)}.${1 + tx.ids.below(254)}`;
    if (!taken.has(ip)) return ip;
  }
}
