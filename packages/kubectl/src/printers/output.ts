// The non-table outputs of `kubectl get -o ...`: yaml, json, name, jsonpath, jsonpath-as-json and
// custom-columns (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go: printGeneric, and the printers of
// staging/src/k8s.io/cli-runtime/pkg/printers). Pure: objects in, text or kubectl's error message out.
import { type PrintResult, printCustomColumns } from "./custom-columns";
import { goQuote, goSharpV } from "./go-format";
import { toGoJsonIndent } from "./go-json";
import { toGoYaml } from "./go-yaml";
import { executeJsonPath, JsonPathError } from "./jsonpath";
import { JsonPathSyntaxError, parseJsonPath } from "./jsonpath-parser";
import { typedOrder } from "./typed-order";

export type { PrintResult } from "./custom-columns";

interface Identified {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; managedFields?: unknown };
}

export interface OutputOptions {
  /**
   * get.go: printGeneric prints a lone object as itself when it was asked for by name (`get pod web`),
   * otherwise (a list request, several names, several kinds) it wraps the items in a `List`.
   */
  singleItemImplied?: boolean;
  /** `--no-headers` (custom-columns only). */
  noHeaders?: boolean;
  /** `--show-managed-fields`; kubectl omits metadata.managedFields by default. */
  showManagedFields?: boolean;
  /** `--allow-missing-template-keys` (default true). */
  allowMissingKeys?: boolean;
  /**
   * The command prints with genericclioptions.PrintFlags alone (create's generators, run, expose): no
   * table printers, so no `wide` and no `custom-columns`, and kubectl's error lists the others.
   */
  objectsOnly?: boolean;
  /** Objects kubectl built itself (a client dry run of a generator): JSON in their Go structs' order. */
  typed?: boolean;
}

/**
 * What genericclioptions.PrintFlags offers (staging/src/k8s.io/cli-runtime/pkg/genericclioptions):
 * JSON/YAML, name, Go template and JSONPath printers, sorted as kubectl lists them.
 */
const OBJECT_FORMATS = [
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "name",
  "template",
  "templatefile",
  "yaml",
];

/** `kubectl get`'s: those, the table printers' `wide`, and custom columns (kubectl lists them sorted). */
const ALLOWED_FORMATS = [...OBJECT_FORMATS, "custom-columns", "custom-columns-file", "wide"].sort();

function withoutManagedFields(obj: unknown): unknown {
  const o = obj as Identified;
  if (o.metadata === undefined || o.metadata.managedFields === undefined) return obj;
  const { managedFields: _omitted, ...metadata } = o.metadata;
  return { ...(obj as Record<string, unknown>), metadata };
}

/** get.go: printGeneric: the `List` kubectl builds around several items (metadata.resourceVersion ""). */
export function listOf(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/** `-o name`: `pod/web`, `deployment.apps/web` (name_printer.go), plus ` <operation>` when given. */
export function resourceName(obj: unknown, operation?: string): string {
  const o = obj as Identified;
  const apiVersion = o.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const kind = (o.kind ?? "").toLowerCase();
  // name_printer.go: an object without a name (a kubeconfig) is `<unknown>`.
  const name = `${group === "" ? kind : `${kind}.${group}`}/${o.metadata?.name || "<unknown>"}`;
  return operation === undefined ? name : `${name} ${operation}`;
}

/** `-o jsonpath=TEMPLATE` over one object (a List for list requests). */
export function printJsonPath(
  template: string,
  data: unknown,
  options: OutputOptions & { asJson?: boolean } = {},
): PrintResult {
  let root: ReturnType<typeof parseJsonPath>;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    // jsonpath_flags.go: fmt.Errorf("error parsing jsonpath %s, %v", templateValue, err)
    if (e instanceof JsonPathSyntaxError)
      return { ok: false, error: `error parsing jsonpath ${template}, ${e.message}` };
    throw e;
  }
  const query = JSON.parse(JSON.stringify(data ?? null)) as unknown;
  try {
    return {
      ok: true,
      text: executeJsonPath(root, query, {
        allowMissingKeys: options.allowMissingKeys,
        outputJson: options.asJson,
      }),
    };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    // jsonpath.go (cli-runtime printers): JSONPathPrinter.PrintObj
    const detail =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(query)}\n\n`;
    return { ok: false, error: `error executing jsonpath ${goQuote(template)}: ${detail}\n` };
  }
}

/**
 * Prints objects for `-o <output>` where output is yaml, json, name, jsonpath=..., jsonpath-as-json=... or
 * custom-columns=.... `error` is what kubectl prints after "error: " on stderr.
 */
export function printObjects(
  objects: readonly unknown[],
  output: string,
  options: OutputOptions = {},
): PrintResult {
  const refused = unknownOutputFormat(output, options.objectsOnly === true);
  if (refused) return { ok: false, error: refused };
  const items = options.showManagedFields === true ? objects : objects.map(withoutManagedFields);
  const single = options.singleItemImplied === true && items.length === 1;
  const data = single ? items[0] : listOf(items);
  const { format, argument } = splitOutput(output);
  switch (format) {
    case "yaml":
      return { ok: true, text: toGoYaml(data) };
    case "json":
      // json.go (cli-runtime printers): JSONPrinter appends '\n' to json.MarshalIndent(obj, "", "    ")
      if (options.typed && single)
        return { ok: true, text: `${toGoJsonIndent(typedOrder(data as Record<string, unknown>), true)}\n` };
      return { ok: true, text: `${toGoJsonIndent(data)}\n` };
    case "name":
      return { ok: true, text: items.map((o) => `${resourceName(o)}\n`).join("") };
    case "jsonpath":
    case "jsonpath-as-json":
      if (argument === "") return { ok: false, error: "template format specified but no template given" };
      return printJsonPath(argument, data, { ...options, asJson: format === "jsonpath-as-json" });
    default:
      // custom-columns: unknownOutputFormat let no other format through.
      return printCustomColumns(argument, items, { noHeaders: options.noHeaders });
  }
}

/** `-o FORMAT=ARGUMENT` split at its first `=`. */
function splitOutput(output: string): { format: string; argument: string } {
  const eq = output.indexOf("=");
  return eq < 0
    ? { format: output, argument: "" }
    : { format: output.slice(0, eq), argument: output.slice(eq + 1) };
}

/**
 * kubectl's error for an output format no printer takes, or undefined when one does: what a command
 * that prints with PrintFlags alone checks before it sends anything (the printer is made in Complete).
 */
export function unknownOutputFormat(output: string, objectsOnly: boolean): string | undefined {
  const { format } = splitOutput(output);
  // The printers printObjects has: the formats it dispatches on.
  const known = [
    "yaml",
    "json",
    "name",
    "jsonpath",
    "jsonpath-as-json",
    ...(objectsOnly ? [] : ["custom-columns"]),
  ];
  return known.includes(format) ? undefined : noPrinterError(output, objectsOnly);
}

function noPrinterError(output: string, objectsOnly: boolean): string {
  const allowed = objectsOnly ? OBJECT_FORMATS : ALLOWED_FORMATS;
  return `unable to match a printer suitable for the output format ${goQuote(output)}, allowed formats are: ${allowed.join(",")}`;
}
