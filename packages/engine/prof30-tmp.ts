import { applyManifests, createCluster } from "./src/index";

function deployment(name: string, replicas: number, image = "nginx:1.27"): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n        ports: [{ containerPort: 80 }]\n`;
}
function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, labels: { app: ${name} } }\nspec:\n  containers:\n  - { name: app, image: busybox, command: ["sh", "-c", "echo ready > /tmp/ready; sleep 3600"] }\n`;
}
const lesson = [
  ...Array.from({ length: 6 }, (_, i) => deployment(`app${i}`, 2)),
  ...Array.from({ length: 6 }, (_, i) => pod(`tool${i}`)),
].join("---\n");
const created = createCluster({ seed: 42, topology: { nodeCount: 3 } });
if (!created.ok) throw new Error();
for (let i = 0; i < 1500; i++) applyManifests(created.state, [{ name: "b.yaml", text: lesson }]);
