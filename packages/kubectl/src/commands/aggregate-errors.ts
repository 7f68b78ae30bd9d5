/**
 * What kubectl prints for the errors of one command (cmdutil.CheckErr). One error keeps its
 * `error: `; several are an aggregate, printed a line each without it (MultipleErrors). An element of
 * the aggregate that is itself an aggregate of several prints as utilerrors' `[a, b]`: apply's
 * resource-builder errors come as one such element before the errors of its requests.
 *
 * `groups` holds the aggregate's elements in order, each as its messages.
 */
export function aggregateErrors(groups: readonly (readonly string[])[]): string[] {
  const elements = groups.filter((g) => g.length > 0);
  const [only] = elements;
  if (elements.length === 1 && only) return only.length === 1 ? [...only] : only.map(bare);
  return elements.map((g) => (g.length === 1 ? bare(g[0] ?? "") : nestedAggregate(g.map(bare))));
}

/** The message as MultipleErrors prints it: CheckErr's `error: ` is only for a lone error. */
function bare(message: string): string {
  return message.startsWith("error: ") ? message.slice("error: ".length) : message;
}

/** utilerrors' aggregate.Error(): repeats once, several in brackets joined by ", ". */
function nestedAggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? "") : `[${unique.join(", ")}]`;
}
