// The manifests `pnpm bench` applies, shared by engine.bench.ts and the A/B bench (ab.bench.ts).

export function deployment(name: string, replicas: number, image = "nginx:1.27"): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n        ports: [{ containerPort: 80 }]\n`;
}

export function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, labels: { app: ${name} } }\nspec:\n  containers:\n  - { name: app, image: busybox, command: ["sh", "-c", "echo ready > /etc/ready; sleep 3600"] }\n`;
}

export interface ApplyCase {
  readonly label: string;
  readonly runs: number;
  readonly text: string;
  readonly topology: { nodeCount: number };
  /** Running pods in `default` after the apply: the check that the case did its work. */
  readonly pods: number;
}

/** 6 Deployments of 2 nginx replicas and 6 busybox pods: 30 objects with their ReplicaSets and pods. */
export const LESSON: ApplyCase = {
  label: "apply + reconcile: 30-object lesson cluster",
  runs: 300,
  text: [
    ...Array.from({ length: 6 }, (_, i) => deployment(`app${i}`, 2)),
    ...Array.from({ length: 6 }, (_, i) => pod(`tool${i}`)),
  ].join("---\n"),
  topology: { nodeCount: 3 },
  pods: 18,
};

/** `deployments` Deployments of 100 nginx replicas on 50 nodes. */
export function podsAcrossDeployments(deployments: number, runs: number): ApplyCase {
  const pods = deployments * 100;
  return {
    label: `apply + reconcile: ${pods.toLocaleString("en")} pods (${deployments} Deployments)`,
    runs,
    text: Array.from({ length: deployments }, (_, i) => deployment(`web${i}`, 100)).join("---\n"),
    topology: { nodeCount: 50 },
    pods,
  };
}
