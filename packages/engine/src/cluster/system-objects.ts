import type { PodTemplateSpec } from "../api/pod";
import type { EndpointSlice, Endpoints, Service } from "../api/service";
import { defaultServiceSpec } from "../defaults/service";
import { defaultDeploymentSpec } from "../defaults/workloads";
import { GKE_IMAGES } from "../images/catalog";
import { formatIp, parseCidr } from "../network/cidr";
import type { Tx } from "../store/tx";
import type { Topology } from "./topology";

// The objects a new GKE cluster already has, besides its nodes and namespaces: the `kubernetes`
// Service in `default` (kept by the API server, pointing at the control plane), and kube-dns in
// `kube-system` (a Service on the tenth address of the service range, and its Deployment).

/** The first address of the service range: the `kubernetes` Service. */
export const API_SERVICE_OFFSET = 1;
/** GKE puts kube-dns on the tenth address of the service range. */
export const DNS_SERVICE_OFFSET = 10;

export function createSystemObjects(tx: Tx, t: Topology): void {
  const range = parseCidr(t.serviceRange);
  if (!range) return;
  const apiIp = formatIp(range.base + API_SERVICE_OFFSET);
  const dnsIp = formatIp(range.base + DNS_SERVICE_OFFSET);
  // [engine choice] The control plane's public endpoint, as GKE gives a public cluster one.
  const controlPlane = `34.${16 + tx.ids.below(100)}.${tx.ids.below(256)}.${1 + tx.ids.below(254)}`;

  tx.create<Service>({
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: defaultServiceSpec({
      clusterIP: apiIp,
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 443 }],
    }),
    status: { loadBalancer: {} },
  });
  tx.create<Endpoints>({
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
    },
    subsets: [{ addresses: [{ ip: controlPlane }], ports: [{ name: "https", port: 443, protocol: "TCP" }] }],
  });
  tx.create<EndpointSlice>({
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "kubernetes.io/service-name": "kubernetes" },
      generation: 1,
    },
    addressType: "IPv4",
    endpoints: [{ addresses: [controlPlane], conditions: { ready: true } }],
    ports: [{ name: "https", port: 443, protocol: "TCP" }],
  });

  const dnsLabels = {
    "addonmanager.kubernetes.io/mode": "Reconcile",
    "k8s-app": "kube-dns",
    "kubernetes.io/cluster-service": "true",
    "kubernetes.io/name": "KubeDNS",
  };
  tx.create<Service>({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kube-dns", namespace: "kube-system", labels: dnsLabels },
    spec: defaultServiceSpec({
      clusterIP: dnsIp,
      selector: { "k8s-app": "kube-dns" },
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
      ],
    }),
    status: { loadBalancer: {} },
  });
  tx.create({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: { "addonmanager.kubernetes.io/mode": "Reconcile", "k8s-app": "kube-dns" },
      generation: 1,
    },
    spec: defaultDeploymentSpec({
      replicas: 2,
      selector: { matchLabels: { "k8s-app": "kube-dns" } },
      template: kubeDnsTemplate(),
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "10%", maxUnavailable: 0 } },
    }),
    status: {},
  });
}

/** GKE's kube-dns pod: kubedns, dnsmasq, sidecar and prometheus-to-sd (k8s-dns, GKE addon manifests). */
function kubeDnsTemplate(): PodTemplateSpec {
  const requests = (cpu: string, memory: string) => ({ requests: { cpu, memory } });
  return {
    metadata: {
      labels: { "k8s-app": "kube-dns" },
      annotations: { "components.gke.io/component-name": "kubedns" },
    },
    spec: {
      priorityClassName: "system-cluster-critical",
      serviceAccountName: "kube-dns",
      dnsPolicy: "Default",
      nodeSelector: { "kubernetes.io/os": "linux" },
      containers: [
        {
          name: "kubedns",
          image: GKE_IMAGES.kubeDns,
          args: ["--domain=cluster.local.", "--dns-port=10053", "--config-dir=/kube-dns-config", "--v=2"],
          ports: [
            { containerPort: 10053, name: "dns-local", protocol: "UDP" },
            { containerPort: 10053, name: "dns-tcp-local", protocol: "TCP" },
            { containerPort: 10055, name: "metrics", protocol: "TCP" },
          ],
          readinessProbe: {
            httpGet: { path: "/readiness", port: 8081, scheme: "HTTP" },
            initialDelaySeconds: 3,
            timeoutSeconds: 5,
          },
          resources: { limits: { memory: "210Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
        },
        {
          name: "dnsmasq",
          image: GKE_IMAGES.dnsmasq,
          args: [
            "-v=2",
            "-logtostderr",
            "-configDir=/etc/k8s/dns/dnsmasq-nanny",
            "-restartDnsmasq=true",
            "--",
            "-k",
            "--cache-size=1000",
          ],
          ports: [
            { containerPort: 53, name: "dns", protocol: "UDP" },
            { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
          ],
          resources: requests("150m", "20Mi"),
        },
        {
          name: "sidecar",
          image: GKE_IMAGES.sidecar,
          args: [
            "--v=2",
            "--logtostderr",
            "--probe=kubedns,127.0.0.1:10053,kubernetes.default.svc.cluster.local,5,SRV",
          ],
          ports: [{ containerPort: 10054, name: "metrics", protocol: "TCP" }],
          resources: requests("10m", "20Mi"),
        },
        {
          name: "prometheus-to-sd",
          image: GKE_IMAGES.prometheusToSd,
          command: [
            "/monitor",
            "--source=kubedns:http://localhost:10054?allowlisted=probe_kubedns_latency_ms",
            "--stackdriver-prefix=container.googleapis.com/internal/addons",
            "--api-override=https://monitoring.googleapis.com/",
          ],
          resources: requests("1m", "6Mi"),
        },
      ],
    },
  };
}
