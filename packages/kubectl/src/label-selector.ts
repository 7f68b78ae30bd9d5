import { parseLabelSelector } from "@kubejam/engine";
import { flag, type ParsedArgs } from "./args";

export type LabelMatch = (labels: Record<string, string> | undefined) => boolean;

/** `-l/--selector`: what it matches (everything when absent), or the API server's parse error. */
export function labelSelectorFlag(
  args: ParsedArgs,
): { ok: true; matches: LabelMatch } | { ok: false; message: string } {
  const text = flag(args, "selector");
  const matches = text ? parseLabelSelector(text) : () => true;
  if (!matches)
    return {
      ok: false,
      message: `error: unable to parse requirement: found '${text}', expected: identifier`,
    };
  return { ok: true, matches };
}
