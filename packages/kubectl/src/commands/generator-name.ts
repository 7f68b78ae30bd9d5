/**
 * NameFromCommandArgs (kubectl pkg/cmd/create): a generator takes exactly one NAME, and says so with
 * the usage hint cobra's UsageErrorf adds.
 */
export function exactlyOneName(
  words: readonly string[],
  usage: string,
): { ok: true; name: string } | { ok: false; message: string } {
  if (words.length === 1) return { ok: true, name: words[0] as string };
  return {
    ok: false,
    message: `error: exactly one NAME is required, got ${words.length}\nSee '${usage} -h' for help and examples`,
  };
}
