import { advance, getObject, type KubeObject, listObjects } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { goDurationMs } from "../flags/flag-set";
import { labelSelectorFlag } from "../label-selector";
import { relaxedJsonPathExpression } from "../printers/custom-columns";
import { executeJsonPath } from "../printers/jsonpath";
import { parseJsonPath } from "../printers/jsonpath-parser";
import { parseTargets, qualifiedName, resourceName, type Target } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";

const STEP_MS = 1000;

type Condition = (obj: KubeObject | undefined) => boolean;

/** splitJSONPathInput: split at each single `=`; `==` stays in the text. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== "=") element += input[i];
    else if (input[i + 1] === "=") {
      element += "==";
      i++;
    } else {
      out.push(element);
      element = "";
    }
  }
  return [...out, element];
}

/** `--for=delete | create | condition=NAME[=VALUE] | jsonpath='{...}'=VALUE` (wait.go conditionFuncFor). */
function parseFor(text: string): Condition | string {
  const lower = text.toLowerCase();
  if (lower === "delete") return (obj) => obj === undefined;
  if (lower === "create") return (obj) => obj !== undefined;
  if (text.startsWith("condition=")) {
    // The value is all after the name's `=`; "true" without one.
    const rest = text.slice("condition=".length);
    const eq = rest.indexOf("=");
    const name = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? "true" : rest.slice(eq + 1);
    return (obj) =>
      (
        (obj?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []
      ).some(
        (c) => c.type.toLowerCase() === name.toLowerCase() && c.status.toLowerCase() === value.toLowerCase(),
      );
  }
  if (text.startsWith("jsonpath=")) {
    // wait.go processJSONPathInput and newJSONPathParser, their checks in their order.
    const parts = splitJsonPathInput(text.slice("jsonpath=".length));
    if (parts.length > 2)
      return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    const expression = relaxedJsonPathExpression(parts[0] ?? "");
    if (expression === undefined)
      return "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    const want = parts.length === 2 ? (parts[1] ?? "").replace(/^['"]+|['"]+$/g, "") : undefined;
    if (want === "")
      return "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3";
    if (expression === "") return "jsonpath expression cannot be empty";
    let parsed: ReturnType<typeof parseJsonPath>;
    try {
      parsed = parseJsonPath(expression);
    } catch (e) {
      return `${(e as Error).message}`;
    }
    return (obj) => {
      if (!obj) return false;
      const got = executeJsonPath(parsed, obj, { allowMissingKeys: true });
      return want === undefined ? got !== "" : got === want;
    };
  }
  return `unrecognized condition: "${text}"`;
}

/**
 * `kubectl wait (TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) --for=... [--timeout=30s]`
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): lets virtual time pass until every object
 * meets the condition, printing `pod/web condition met` for each, or gives up at the timeout.
 */
export function waitCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  // wait.go conditionFuncFor: no --for is an empty condition, refused like any unknown one.
  const forText = flag(args, "for") ?? "";
  const condition = parseFor(forText);
  if (typeof condition === "string") return fail(ctx.state, `error: ${condition}`);
  const timeout = goDurationMs(flag(args, "timeout") ?? "30s");
  const parsed = parseTargets(args.positionals);
  if (!parsed.ok) return fail(ctx.state, parsed.message);
  const target = parsed.targets[0];
  if (!target)
    return fail(
      ctx.state,
      "error: resource(s) were provided, but no name was specified\nerror: one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  const names = objectNames(ctx, target, args);
  if (typeof names === "string") return fail(ctx.state, names);
  const mustExist = !["delete", "create"].includes(forText.toLowerCase());
  const ns = target.info.namespaced ? ctx.namespace : undefined;
  let state = ctx.state;
  let waited = 0; // one --timeout for all the objects, as wait.go's context
  let met = "";
  for (const name of names) {
    if (mustExist && !getObject(state, target.info.kind, ns, name))
      return fail(
        state,
        `Error from server (NotFound): ${resourceName(target.info)} "${name}" not found`,
        met,
      );
    while (!condition(getObject(state, target.info.kind, ns, name))) {
      if (waited >= timeout)
        return fail(
          state,
          `error: timed out waiting for the condition on ${resourceName(target.info)}/${name}`,
          met,
        );
      state = advance(state, STEP_MS);
      waited += STEP_MS;
    }
    met += `${qualifiedName(target.info, name)} condition met\n`;
  }
  return { state, stdout: met, stderr: "", exitCode: 0 };
}

function objectNames(ctx: Context, target: Target, args: ParsedArgs): string[] | string {
  if (target.names.length > 0) return target.names;
  if (flag(args, "selector") === undefined && !boolFlag(args, "all"))
    return "error: resource(s) were provided, but no name was specified";
  const selector = labelSelectorFlag(args);
  if (!selector.ok) return selector.message;
  const ns = target.info.namespaced ? ctx.namespace : undefined;
  const names = listObjects(ctx.state, target.info.kind, ns)
    .filter((o) => selector.matches(o.metadata.labels))
    .map((o) => o.metadata.name);
  return names.length > 0 ? names : "error: no matching resources found";
}
