import type { ClusterState } from "@kubejam/engine";
import { boolFlag, flag, parseArgs } from "./args";
import { applyCommand } from "./commands/apply";
import { clusterInfoCommand, configCommand } from "./commands/cluster-info";
import { deleteCommand } from "./commands/delete";
import { describeCommand } from "./commands/describe";
import { execCommand } from "./commands/exec";
import { explainCommand } from "./commands/explain";
import { exposeCommand } from "./commands/expose";
import { createGeneratorCommand, runCommand } from "./commands/generate";
import { getCommand } from "./commands/get";
import { logsCommand } from "./commands/logs";
import { apiResourcesCommand, versionCommand } from "./commands/misc";
import { labelCommand, patchCommand, scaleCommand } from "./commands/mutate";
import { rolloutCommand } from "./commands/rollout";
import { setCommand } from "./commands/set-image";
import { waitCommand } from "./commands/wait";
import { type Context, fail, type KubectlIo, type KubectlResult } from "./result";

export const COMMANDS = [
  "annotate",
  "api-resources",
  "apply",
  "cluster-info",
  "config",
  "create",
  "delete",
  "describe",
  "events",
  "exec",
  "explain",
  "expose",
  "get",
  "label",
  "logs",
  "patch",
  "rollout",
  "run",
  "scale",
  "set",
  "version",
  "wait",
] as const;

const noFiles: KubectlIo = {
  readManifests: (path) => ({ ok: false, message: `error: the path "${path}" does not exist` }),
};

/**
 * Runs one kubectl command line against a cluster state: `run(state, ["get", "pods"])`.
 * Pure: the caller decides where output goes and keeps the returned state.
 */
export function run(state: ClusterState, argv: readonly string[], io: KubectlIo = noFiles): KubectlResult {
  const words = argv[0] === "kubectl" ? argv.slice(1) : argv;
  const command = words.find((w) => !w.startsWith("-"));
  if (!command)
    return fail(
      state,
      "error: a command is required: kubectl get|describe|apply|create|delete|exec|logs|... (see kubectl --help)",
    );
  const rest = [...words];
  rest.splice(rest.indexOf(command), 1);
  const args = parseArgs(rest, command);
  if (args.errors.length > 0)
    return fail(state, `error: ${args.errors[0]}\nSee 'kubectl ${command} --help' for usage.`);
  const allNamespaces = boolFlag(args, "all-namespaces");
  const ctx: Context & { allNamespaces: boolean } = {
    state,
    io,
    namespace: flag(args, "namespace") ?? "default",
    namespaceExplicit: flag(args, "namespace") !== undefined,
    allNamespaces,
  };
  switch (command) {
    case "apply":
      return applyCommand(ctx, args, "apply");
    case "create":
      return args.flags.has("filename")
        ? applyCommand(ctx, args, "create")
        : createGeneratorCommand(ctx, args);
    case "get":
      return getCommand(ctx, args);
    case "events":
      return getCommand(ctx, { ...args, positionals: ["events"] });
    case "describe":
      return describeCommand(ctx, args);
    case "expose":
      return exposeCommand(ctx, args);
    case "delete":
      return deleteCommand(ctx, args);
    case "exec":
      return execCommand(ctx, args);
    case "logs":
      return logsCommand(ctx, args);
    case "patch":
      return patchCommand(ctx, args);
    case "label":
      return labelCommand(ctx, args, "labels");
    case "annotate":
      return labelCommand(ctx, args, "annotations");
    case "scale":
      return scaleCommand(ctx, args);
    case "set":
      return setCommand(ctx, args);
    case "cluster-info":
      return clusterInfoCommand(ctx, args);
    case "config":
      return configCommand(ctx, args);
    case "wait":
      return waitCommand(ctx, args);
    case "run":
      return runCommand(ctx, args);
    case "rollout":
      return rolloutCommand(ctx, args);
    case "explain":
      return explainCommand(ctx, args);
    case "api-resources":
      return apiResourcesCommand(ctx);
    case "version":
      return versionCommand(ctx, args);
    default:
      return fail(
        state,
        `error: unknown command "${command}" for "kubectl"\nRun 'kubectl --help' for usage.`,
      );
  }
}
