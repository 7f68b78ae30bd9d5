// @kubejam/kubectl: the kubectl command language over the engine. The browser terminal and kjctl use `run`.

export { applyResultLine } from "./apply-lines";
export { boolFlag, type CommandLine, completionFlags, flag, parseCommandLine } from "./args";
export { splitCommandLine } from "./command-line";
export { END_SESSION, isKjCommand, KJ_COMMANDS, parseDuration, runKj } from "./kj/run-kj";
export type { TraceCommandResult } from "./kj/trace";
export { renderClaim } from "./kj/why-claim";
export type { KubectlIo, KubectlResult } from "./result";
export { COMMANDS, run } from "./run";
export { getTables, type ResourceTable, type TablesOptions } from "./tables";
