import { type ApplyResult, resolveResource } from "@kubejam/engine";
import { qualifiedName } from "./resources";

/** The line `kubectl apply` prints for one result: `pod/web created`, or the error text. */
export function applyResultLine(result: ApplyResult, mode: "apply" | "create" = "apply"): string {
  if (!result.ok) return result.diagnostic.message;
  const info = resolveResource(result.kind);
  const name = info ? qualifiedName(info, result.name) : result.name;
  return mode === "create" ? `${name} created` : `${name} ${result.action}`;
}
