import { type KindInfo, type ManifestFile, parseManifests, resolveResource } from "@kubejam/engine";
import { flags, type ParsedArgs } from "../args";
import type { Target } from "../resources";
import type { Context } from "../result";
import { readFilenames } from "./apply";

export interface ManifestObject {
  readonly info: KindInfo;
  readonly namespace: string;
  readonly name: string;
}

/**
 * The objects the `-f` files name (kind, namespace, name of each document), as kubectl's resource
 * builder reads them for get, describe and delete: documents of unknown kinds or without a name are skipped.
 */
export function manifestObjects(
  ctx: Context,
  args: ParsedArgs,
): { ok: true; objects: ManifestObject[] } | { ok: false; message: string } {
  const read = readFilenames(ctx, args);
  if (!read.ok) return read;
  return objectsIn(ctx, read.files);
}

/** The objects files already read name (see manifestObjects). */
export function objectsIn(
  ctx: Context,
  files: readonly ManifestFile[],
): { ok: true; objects: ManifestObject[] } | { ok: false; message: string } {
  const objects: ManifestObject[] = [];
  for (const file of files) {
    const parsed = parseManifests(file.name, file.text);
    if (!parsed.ok) return { ok: false, message: parsed.diagnostics.map((d) => d.message).join("\n") };
    for (const doc of parsed.documents) {
      const info = resolveResource(String(doc.value.kind ?? ""));
      const meta = (doc.value.metadata ?? {}) as { name?: string; namespace?: string };
      if (!info || !meta.name) continue;
      objects.push({ info, namespace: meta.namespace ?? ctx.namespace, name: meta.name });
    }
  }
  return { ok: true, objects };
}

/** The files' objects as `TYPE NAME...` targets, one per kind in the order the kinds first appear. */
function manifestTargets(objects: readonly ManifestObject[]): Target[] {
  const byKind = new Map<string, Target>();
  for (const o of objects) {
    const target = byKind.get(o.info.kind) ?? { info: o.info, names: [] };
    target.names.push(o.name);
    byKind.set(o.info.kind, target);
  }
  return [...byKind.values()];
}

/** `-f FILE`: the objects the files name, in the files' namespace (the first one named, else -n's). */
export function fromFiles(
  ctx: Context,
  args: ParsedArgs,
): { ok: true; targets: Target[]; namespace: string } | { ok: false; message: string } | undefined {
  if (flags(args, "filename").length === 0) return undefined;
  if (args.positionals.length > 0)
    return {
      ok: false,
      message:
        "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
    };
  const read = manifestObjects(ctx, args);
  if (!read.ok) return read;
  return {
    ok: true,
    targets: manifestTargets(read.objects),
    namespace: read.objects[0]?.namespace ?? ctx.namespace,
  };
}
