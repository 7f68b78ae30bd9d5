import {
  type ApplyResult,
  advance,
  applyManifests,
  type ClusterState,
  createCluster,
  deleteObjects,
  execInPod,
  listObjects,
  type Pod,
  type TopologyInput,
} from "../src/index";

/** A harness over the real engine for tests: apply YAML, look at objects, let time pass, exec. */
export class TestCluster {
  state: ClusterState;
  lastResults: ApplyResult[] = [];

  constructor(options: { seed?: number; topology?: TopologyInput } = {}) {
    const created = createCluster({ seed: options.seed ?? 7, topology: options.topology });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    this.state = created.state;
  }

  apply(yaml: string, file = "manifest.yaml"): ApplyResult[] {
    const { state, results } = applyManifests(this.state, [{ name: file, text: yaml }]);
    this.state = state;
    this.lastResults = results;
    return results;
  }

  tick(ms: number): void {
    this.state = advance(this.state, ms);
  }

  pods(namespace = "default"): Pod[] {
    return listObjects<Pod>(this.state, "Pod", namespace);
  }

  pod(name: string, namespace = "default"): Pod | undefined {
    return this.pods(namespace).find((p) => p.metadata.name === name);
  }

  delete(kind: string, name: string, namespace = "default") {
    const { state, results } = deleteObjects(this.state, [{ kind, name, namespace }]);
    this.state = state;
    return results[0];
  }

  exec(pod: string, argv: string[], container?: string) {
    const { state, outcome } = execInPod(this.state, { pod, argv, container });
    this.state = state;
    return outcome;
  }

  events(): { reason: string; message: string; object: string }[] {
    return listObjects(this.state, "Event").map((e) => {
      const ev = e as unknown as {
        reason: string;
        message: string;
        involvedObject: { kind: string; name: string };
      };
      return {
        reason: ev.reason,
        message: ev.message,
        object: `${ev.involvedObject.kind}/${ev.involvedObject.name}`,
      };
    });
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
