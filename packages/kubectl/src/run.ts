import type { ClusterState } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs, parseCommandLine } from "./args";
import { applyCommand } from "./commands/apply";
import { clusterInfoCommand, configCommand } from "./commands/cluster-info";
import { cordonCommand } from "./commands/cordon";
import { deleteCommand } from "./commands/delete";
import { describeCommand } from "./commands/describe";
import { eventsCommand } from "./commands/events";
import { execCommand } from "./commands/exec";
import { explainCommand } from "./commands/explain";
import { exposeCommand } from "./commands/expose";
import { createGeneratorCommand, runCommand } from "./commands/generate";
import { getCommand } from "./commands/get";
import { logsCommand } from "./commands/logs";
import { apiResourcesCommand, versionCommand } from "./commands/misc";
import { labelCommand, patchCommand, scaleCommand } from "./commands/mutate";
import { replaceCommand } from "./commands/replace";
import { rolloutCommand } from "./commands/rollout";
import { setCommand } from "./commands/set-image";
import { waitCommand } from "./commands/wait";
import { globalOptionsText, helpText, rootUsage } from "./flags/help";
import { KUBECTL } from "./flags/kubectl-commands";
import { type DryRun, dryRunOption, dryRunSuffix, validateOption } from "./flags/option-values";
import { KUBECTL_COMMAND_ORDER, suggestionsFor } from "./flags/suggestions";
import { type Context, fail, type KubectlIo, type KubectlResult, ok } from "./result";

/** The commands simulated here, by name. */
export const COMMANDS: readonly string[] = (KUBECTL.children ?? []).map((c) => c.name);

const noFiles: KubectlIo = {
  readManifests: (path) => ({ ok: false, message: `error: the path "${path}" does not exist` }),
};

/** The commands that print their own dry-run output (the generators); the rest get kubectl's suffix. */
const GENERATORS = new Set([
  "run",
  "expose",
  "create deployment",
  "create namespace",
  "create service",
  "create configmap",
  "create secret",
]);

/** pflag's notice for a deprecated flag, printed as the flag is parsed. */
const RECORD_DEPRECATED = "Flag --record has been deprecated, --record will be removed in the future\n";

/** What a line that names no command gets: cobra's "unknown command", or kubectl's plugin lookup's refusal. */
function unknownCommand(state: ClusterState, words: readonly string[], typed: string): KubectlResult {
  // kubectl first looks for a plugin `kubectl-<name>`, which refuses flags before its name.
  if (words[0]?.startsWith("-"))
    return fail(state, `Error: flags cannot be placed before plugin name: ${words[0]}`);
  if ((KUBECTL_COMMAND_ORDER as readonly string[]).includes(typed))
    return fail(state, `error: kubectl ${typed} is not simulated here`);
  return fail(state, `error: unknown command "${typed}" for "kubectl"${suggestionsFor(typed)}`);
}

/**
 * `kubectl help [COMMAND...]`: cobra's help command finds the command its words name (its flags and the
 * words past it ignored) and prints its page; an unknown name gets "Unknown help topic".
 */
function helpTopic(state: ClusterState, words: readonly string[]): KubectlResult {
  const found = parseCommandLine(words);
  const usage = ["kubectl", ...found.path].join(" ");
  if (found.path.length === 0) {
    if (found.unknown === undefined) return ok(state, helpText([], KUBECTL));
    if (found.unknown === "options" || found.unknown === "help")
      return ok(state, helpText([found.unknown], KUBECTL));
    if ((KUBECTL_COMMAND_ORDER as readonly string[]).includes(found.unknown))
      return fail(state, `error: kubectl ${found.unknown} is not simulated here`);
    return {
      state,
      stdout: "",
      stderr: `Unknown help topic [\`${found.unknown}\`]\n${rootUsage()}`,
      exitCode: 0,
    };
  }
  if (found.unknown !== undefined && found.command.otherChildren?.includes(found.unknown))
    return fail(state, `error: ${usage} ${found.unknown} is not simulated here`);
  return ok(state, helpText(found.path, found.command));
}

/**
 * Runs one kubectl command line against a cluster state: `run(state, ["get", "pods"])`.
 * Pure: the caller decides where output goes and keeps the returned state.
 */
export function run(state: ClusterState, argv: readonly string[], io: KubectlIo = noFiles): KubectlResult {
  const words = argv[0] === "kubectl" ? argv.slice(1) : argv;
  const line = parseCommandLine(words);
  const { path, args } = line;
  const command = path[0];
  if (command === undefined && line.unknown === "help")
    return helpTopic(state, words.slice(words.indexOf("help") + 1));
  if (command === undefined && line.unknown === "options" && args.errors.length === 0)
    return ok(state, boolFlag(args, "help") ? helpText(["options"], KUBECTL) : globalOptionsText());
  if (command === undefined && line.unknown !== undefined) return unknownCommand(state, words, line.unknown);
  const usage = ["kubectl", ...path].join(" ");
  // A subcommand kubectl has that the simulation lacks: its flags are not the parent's to judge.
  if (line.unknown !== undefined && line.command.otherChildren?.includes(line.unknown))
    return fail(state, `error: ${usage} ${line.unknown} is not simulated here`);
  if (args.errors.length > 0)
    return fail(state, `error: ${args.errors[0]}\nSee '${usage} --help' for usage.`);
  if (boolFlag(args, "help")) return ok(state, helpText(path, line.command));
  if (line.command.dispatcher) {
    // The words after the command's path (the positionals still hold every name but the first).
    const extra = args.positionals.slice(path.length - 1);
    if (extra.length === 0) return ok(state, helpText(path, line.command));
    return fail(
      state,
      `error: unknown command "${extra.join(" ")}"\nSee '${usage} -h' for help and examples`,
    );
  }
  // kubectl with flags and no command prints its own page, as `kubectl --help` does.
  if (command === undefined) return ok(state, helpText([], KUBECTL));
  if (line.missing.length > 0)
    return fail(state, `error: required flag(s) ${line.missing.map((m) => `"${m}"`).join(", ")} not set`);
  let warnings = args.flags.has("record") ? RECORD_DEPRECATED : "";
  const failWith = (message: string) => fail(state, warnings + message);
  const unsimulated = line.unsimulated[0];
  if (unsimulated !== undefined) return failWith(`error: ${usage} --${unsimulated} is not simulated here`);
  let dryRun: DryRun = "none";
  if (args.flags.has("dry-run")) {
    const option = dryRunOption(args, state.clock);
    if (!option.ok) return failWith(option.message);
    warnings += option.warning;
    dryRun = option.value;
  }
  if (args.flags.has("validate")) {
    const option = validateOption(args);
    if (!option.ok) return failWith(option.message);
    // The engine validates strictly, as the API server does with fieldValidation=Strict.
    if (option.value !== "Strict")
      return failWith(`error: ${usage} --validate=${flag(args, "validate")} is not simulated here`);
  }
  const result = dispatch(state, command, args, io, dryRun);
  const shown =
    dryRun === "none" || GENERATORS.has(path.slice(0, 2).join(" "))
      ? result
      : {
          ...result,
          // Nothing a dry run did is kept.
          state,
          // -o prints objects or bare names: no operation to mark as a dry run.
          stdout:
            flag(args, "output") === undefined
              ? withSuffix(result.stdout, dryRunSuffix(dryRun))
              : result.stdout,
        };
  return warnings === "" ? shown : { ...shown, stderr: warnings + shown.stderr };
}

/** Each line of a command's success output, as kubectl's name printer writes it under --dry-run. */
function withSuffix(stdout: string, suffix: string): string {
  return stdout.replace(/(?<=\S)$/gm, suffix);
}

function dispatch(
  state: ClusterState,
  command: string,
  args: ParsedArgs,
  io: KubectlIo,
  dryRun: DryRun,
): KubectlResult {
  const allNamespaces = boolFlag(args, "all-namespaces");
  const ctx: Context & { allNamespaces: boolean } = {
    state,
    io,
    namespace: flag(args, "namespace") ?? "default",
    namespaceExplicit: flag(args, "namespace") !== undefined,
    allNamespaces,
    dryRun,
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
      return eventsCommand(ctx, args);
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
    case "replace":
      return replaceCommand(ctx, args);
    case "label":
      return labelCommand(ctx, args, "labels");
    case "annotate":
      return labelCommand(ctx, args, "annotations");
    case "scale":
      return scaleCommand(ctx, args);
    case "cordon":
      return cordonCommand(ctx, args, true);
    case "uncordon":
      return cordonCommand(ctx, args, false);
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
      return apiResourcesCommand(ctx, args);
    case "version":
      return versionCommand(ctx, args);
    default:
      return fail(state, `error: kubectl ${command} is not simulated here`);
  }
}
