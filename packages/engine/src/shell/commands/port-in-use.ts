/** Whether a server may bind a port in its pod's shared network namespace. */
import type { ProgramContext } from "../program-context";

/**
 * The first of `ports` that another process of the pod already listens on. At container start the
 * kubelet says which ports the pod's running containers hold; an `exec` asks the network.
 */
export function firstPortInUse(ctx: ProgramContext, ports: readonly number[]): number | undefined {
  const held = ctx.sys.portsInUse ?? [];
  return ports.find(
    (port) =>
      held.includes(port) || (ctx.rt.mode === "exec" && ctx.sys.net.connect("127.0.0.1", port, 100).ok),
  );
}
