/** The daemons of GKE's kube-dns pods: they log a few lines and listen; the engine answers DNS itself. */
import type { Program } from "../program-context";
import type { Listener } from "../types";
import { formatDate } from "./system";

/** klog's header: `I1205 09:00:01.000000       1 file.go:NN] `. */
function klog(ms: number, file: string, line: number): string {
  return `I${formatDate("%m%d %H:%M:%S", ms)}.000000       1 ${file}:${line}] `;
}

const tcp = (port: number, server: Listener["server"]): Listener => ({ port, protocol: "TCP", server });

export const kubeDns: Program = (ctx) => {
  const now = ctx.rt.now();
  ctx.io.err.write(
    `${klog(now, "dns.go", 48)}version: 1.26.4-gke.1
${klog(now, "server.go", 73)}Using configuration read from directory: /kube-dns-config with period 10s
${klog(now, "server.go", 126)}FLAG: --domain="cluster.local."
${klog(now, "server.go", 222)}Skydns metrics enabled (/metrics:10055)
${klog(now, "server.go", 150)}Starting SkyDNS server (0.0.0.0:10053)
${klog(now, "server.go", 174)}Waiting for services and endpoints to be initialized from apiserver...
${klog(now, "server.go", 181)}Initialized services and endpoints from apiserver
`,
  );
  return ctx.rt.serve([tcp(10053, "dns"), tcp(10055, "metrics"), tcp(8081, "metrics")]);
};

export const dnsmasqNanny: Program = (ctx) => {
  const now = ctx.rt.now();
  ctx.io.err.write(
    `${klog(now, "main.go", 74)}opts: {{/usr/sbin/dnsmasq [-k --cache-size=1000 --no-negcache --dns-loop-detect --log-facility=- --server=/cluster.local/127.0.0.1#10053 --server=/in-addr.arpa/127.0.0.1#10053 --server=/ip6.arpa/127.0.0.1#10053] true} /etc/k8s/dns/dnsmasq-nanny 10000000000}
${klog(now, "nanny.go", 94)}Starting dnsmasq [-k --cache-size=1000 --no-negcache --dns-loop-detect --log-facility=- --server=/cluster.local/127.0.0.1#10053]
${klog(now, "nanny.go", 116)}dnsmasq[14]: started, version 2.90 cachesize 1000
`,
  );
  return ctx.rt.serve([tcp(53, "dns")]);
};

export const dnsSidecar: Program = (ctx) => {
  const now = ctx.rt.now();
  ctx.io.err.write(
    `${klog(now, "main.go", 51)}Version v1.26.4-gke.1\n${klog(now, "server.go", 45)}Starting server (options {DnsMasqPort:53 DnsMasqAddr:127.0.0.1 DnsMasqPollIntervalMs:5000 Probes:[{Label:kubedns Server:127.0.0.1:10053 Name:kubernetes.default.svc.cluster.local. Interval:5s Type:33} {Label:dnsmasq Server:127.0.0.1:53 Name:kubernetes.default.svc.cluster.local. Interval:5s Type:33}] PrometheusAddr:0.0.0.0 PrometheusPort:10054 PrometheusPath:/metrics PrometheusNamespace:kubedns})\n`,
  );
  return ctx.rt.serve([tcp(10054, "metrics")]);
};

export const prometheusToSd: Program = (ctx) => {
  ctx.io.err.write(`${klog(ctx.rt.now(), "main.go", 156)}Taking source configs from flags\n`);
  return ctx.rt.serve([]);
};
