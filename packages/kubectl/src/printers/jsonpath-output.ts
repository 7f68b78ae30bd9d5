// `-o jsonpath=TEMPLATE` with the whole stderr message kubectl prints on failure ("error: ...").
import { printJsonPath } from "./output";

export function executeJsonPathOutput(
  template: string,
  data: unknown,
): { ok: true; text: string } | { ok: false; message: string } {
  const r = printJsonPath(template, data);
  return r.ok ? r : { ok: false, message: `error: ${r.error}` };
}
