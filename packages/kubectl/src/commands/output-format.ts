import { boolFlag, type ParsedArgs } from "../args";
import { printObjects } from "../printers/output";
import { type Context, fail, type KubectlResult, ok } from "../result";

/**
 * `-o yaml|json|name|jsonpath=…|custom-columns=…` for a set of objects (get, and generators' `--dry-run`);
 * `objectsOnly` for a command without table printers (see OutputOptions).
 */
export function formatObjects(
  ctx: Context,
  objects: readonly object[],
  output: string,
  single: boolean,
  args?: ParsedArgs,
  objectsOnly = false,
  typed = false,
): KubectlResult {
  const r = printObjects(objects, output, {
    singleItemImplied: single,
    noHeaders: args ? boolFlag(args, "no-headers") : false,
    objectsOnly,
    typed,
  });
  return r.ok ? ok(ctx.state, r.text) : fail(ctx.state, `error: ${r.error}`);
}
