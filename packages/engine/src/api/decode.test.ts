import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster/create-cluster";
import { applyManifests } from "../ops/apply";

// What the API server answers a field of the wrong JSON type: encoding/json names the struct that holds
// the field (k8s.io/api's Go type) and the field's Go type.
function typeError(yaml: string): string | undefined {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  const [result] = applyManifests(created.state, [{ name: "f.yaml", text: yaml }]).results;
  return result && !result.ok ? result.diagnostic.message.split("cannot be handled as a ")[1] : undefined;
}

const pod = (spec: string, meta = "name: x") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {${meta}}\nspec:\n  containers:\n  - {name: a, image: nginx, ${spec}}\n`;

describe("a field of the wrong type", () => {
  it.each([
    [
      pod('ports: [{containerPort: "80"}]'),
      "Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
    ],
    [
      pod("command: sleep 3600"),
      "Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string",
    ],
    [
      pod("command: [sleep, 3600]"),
      "Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string",
    ],
    [
      pod("imagePullPolicy: Always", "name: x, labels: {tier: 1}"),
      "Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
    ],
    [
      "apiVersion: v1\nkind: Pod\nmetadata: x\n",
      "Pod: json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta",
    ],
    [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "3"\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: a, image: nginx}]}\n',
      "Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
    ],
    [
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: "80"}]\n',
      "Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32",
    ],
  ])("%#", (yaml, message) => {
    expect(typeError(yaml)).toBe(message);
  });
});
