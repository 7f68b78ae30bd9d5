// The Web Worker: the engine and kubectl run here, so the page never blocks on them.
import { ClusterSession, warmUp } from "./cluster-service";
import type { WorkerReply, WorkerRequest } from "./protocol";

// The app compiles with the DOM library; this is the part of a worker's global scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const session = new ClusterSession();
let warmed = false;

scope.onmessage = (event) => {
  const request = event.data;
  let reply: WorkerReply;
  try {
    reply = session.handle(request);
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
  // After the first reply, run the engine once on a scratch cluster so the learner's first apply is fast.
  if (!warmed) {
    warmed = true;
    setTimeout(warmUp, 0);
  }
};
