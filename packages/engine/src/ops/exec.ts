import type { Pod } from "../api/pod";
import { layerId, shellEnv } from "../controllers/kubelet/container-env";
import { signalMainProcess } from "../controllers/kubelet/main-signals";
import { settle } from "../controllers/settle";
import { lookupImage } from "../images/catalog";
import { PodNetwork } from "../network/pod-network";
import { exec } from "../shell/exec";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

export interface ExecRequest {
  namespace?: string;
  pod: string;
  container?: string;
  argv: string[];
}

export type ExecOutcome =
  | {
      ok: true;
      stdout: string;
      stderr: string;
      exitCode: number;
      execFailed?: boolean;
      defaultedContainer?: string;
    }
  | { ok: false; message: string };

/** `kubectl exec POD [-c C] -- CMD...`: runs a command in a running container; writes land in its layer and volumes. */
export function execInPod(
  state: ClusterState,
  req: ExecRequest,
): { state: ClusterState; outcome: ExecOutcome } {
  const ns = req.namespace ?? "default";
  const tx = new Tx(state);
  const pod = tx.get<Pod>("Pod", ns, req.pod);
  if (!pod)
    return {
      state,
      outcome: { ok: false, message: `Error from server (NotFound): pods "${req.pod}" not found` },
    };
  const name = req.container ?? pod.spec.containers[0]?.name ?? "";
  const index = pod.spec.containers.findIndex((c) => c.name === name);
  const spec = pod.spec.containers[index];
  if (!spec)
    return {
      state,
      outcome: {
        ok: false,
        message: `Error from server (BadRequest): container ${name} is not valid for pod ${req.pod}`,
      },
    };
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") {
    return {
      state,
      outcome: {
        ok: false,
        message: `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`,
      },
    };
  }
  const rt = tx.kubelet[objectKey("Pod", ns, req.pod)];
  const c = rt?.containers[index];
  const image = lookupImage(spec.image ?? "");
  if (!rt || !c || c.phase !== "running" || !image) {
    return {
      state,
      outcome: {
        ok: false,
        message: `error: Internal error occurred: unable to upgrade connection: container not found ("${name}")`,
      },
    };
  }
  const env = shellEnv(
    c.links ?? [],
    tx.fs,
    pod,
    spec,
    image,
    PodNetwork.forTx(tx, pod),
    tx.clock,
    rt.volumes,
    c.sources,
  );
  const mainProcess = { signals: [] as { signal: number; from: number }[] };
  env.mainProcess = mainProcess;
  const result = exec(req.argv, env);
  const changes = env.fs.changes();
  // `upper` is undefined when this command wrote nothing there: the layer the container has stays.
  if (changes.upper !== undefined) tx.setFs(layerId(pod.metadata.uid, spec.name), changes.upper);
  for (const [id, node] of Object.entries(changes.volumes)) tx.setFs(id, node);
  const signalled = mainProcess.signals.length > 0;
  if (signalled) signalMainProcess(tx, objectKey("Pod", ns, req.pod), index, mainProcess.signals);
  // A main process that stops is seen by the kubelet at once, even when the command took no time.
  if (signalled || result.elapsedMs > 0) settle(tx, result.elapsedMs);
  const defaulted = !req.container && pod.spec.containers.length > 1 ? name : undefined;
  return {
    state: tx.commit(),
    outcome: {
      ok: true,
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      ...(result.execFailed ? { execFailed: true } : {}),
      ...(defaulted ? { defaultedContainer: defaulted } : {}),
    },
  };
}
