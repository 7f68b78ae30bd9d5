// @kubejam/kubectl: the kubectl command language over the engine. The browser terminal and kjctl use `run`.
export { run, COMMANDS } from "./run";
export type { KubectlResult, KubectlIo } from "./result";
export { parseArgs } from "./args";
