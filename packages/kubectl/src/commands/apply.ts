import {
  type ApplyResult,
  applyManifests,
  type Diagnostic,
  type ManifestFile,
  mapDocument,
  namespaceMismatch,
  parseManifests,
  resolveResource,
} from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import { qualifiedName } from "../resources";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { aggregateErrors } from "./aggregate-errors";

/** Reads every `-f` into files, as kubectl's builder does (FILE, DIR, `-` for stdin). */
export function readFilenames(
  ctx: Context,
  args: ParsedArgs,
): { ok: true; files: ManifestFile[] } | { ok: false; message: string } {
  const paths = flags(args, "filename");
  if (paths.length === 0) return { ok: false, message: "error: must specify one of -f and -k" };
  const files: ManifestFile[] = [];
  for (const p of paths) {
    if (p === "-") {
      files.push({ name: "STDIN", text: ctx.io.stdin ?? "" });
      continue;
    }
    // kubectl downloads these (cli-runtime's URLVisitor); the simulated cluster has no network.
    if (p.startsWith("http://") || p.startsWith("https://"))
      return {
        ok: false,
        message: `error: -f ${p}: reading a URL is not simulated here (there is no network); use a local file`,
      };
    const read = ctx.io.readManifests(p);
    if (!read.ok) return read;
    files.push(...read.files);
  }
  return { ok: true, files };
}

/** `kubectl apply -f` and `kubectl create -f`. */
export function applyCommand(ctx: Context, args: ParsedArgs, mode: "apply" | "create"): KubectlResult {
  // -o name prints each object as `pod/web`; the objects' full text would be the stored objects as
  // the API server answered, before any controller touched them, which the simulation does not keep.
  const output = flag(args, "output");
  if (output !== undefined && output !== "name")
    return fail(ctx.state, `error: kubectl ${mode} -o ${output} is not simulated here`);
  const read = readFilenames(ctx, args);
  if (!read.ok) return fail(ctx.state, read.message);
  if (mode === "create" && ctx.dryRun === "client") return createOnClient(ctx, read.files, output);
  const { state, results } = applyManifests(ctx.state, read.files, {
    mode,
    namespace: ctx.namespace,
    namespaceExplicit: ctx.namespaceExplicit,
    saveConfig: boolFlag(args, "save-config"),
  });
  // A file of empty documents or empty lists gives the builder nothing either (apply.go's check).
  if (results.length === 0) return fail(ctx.state, `error: no objects passed to ${mode}`);
  return reportResults(state, results, {
    output,
    // apply reads every object before its first request: the builder's errors come first.
    builderFirst: mode === "apply",
    verb: (r) => (mode === "create" ? "created" : r.action),
  });
}

/**
 * Each object's line (`pod/web created`, or `pod/web` with -o name) and, on stderr, the API server's
 * warnings then the errors as kubectl's aggregate prints them. With `builderFirst` (apply), the
 * resource builder's errors make one element of the aggregate ahead of the requests' errors; other
 * commands meet each error as they visit the objects.
 */
export function reportResults(
  state: KubectlResult["state"],
  results: readonly ApplyResult[],
  options: {
    output: string | undefined;
    builderFirst: boolean;
    verb: (r: Extract<ApplyResult, { ok: true }>) => string;
  },
): KubectlResult {
  const out: string[] = [];
  const warnings: string[] = [];
  const builderErrors: string[] = [];
  const requestErrors: string[] = [];
  for (const r of results) {
    if (r.ok) {
      const info = resolveResource(r.kind);
      const name = info ? qualifiedName(info, r.name) : r.name;
      for (const warning of r.warnings ?? []) warnings.push(`Warning: ${warning}`);
      out.push(options.output === "name" ? name : `${name} ${options.verb(r)}`);
    } else if (options.builderFirst && BUILDER_ERRORS.has(r.diagnostic.code))
      builderErrors.push(r.diagnostic.message);
    else requestErrors.push(r.diagnostic.message);
  }
  const errors = aggregateErrors([builderErrors, ...requestErrors.map((e) => [e])]);
  return printed(state, out, [...warnings, ...errors], errors.length > 0);
}

/** Errors kubectl's resource builder meets reading and mapping the files, before any request. */
const BUILDER_ERRORS: ReadonlySet<Diagnostic["code"]> = new Set<Diagnostic["code"]>([
  "yaml-syntax",
  "not-an-object",
  "missing-kind",
  "missing-api-version",
  "unknown-kind",
  "undecodable",
  "namespace-mismatch",
]);

/**
 * `create -f --dry-run=client`: kubectl reads and maps each object, then prints it without a request
 * (create.go skips the server for a client dry run), so nothing is validated, defaulted or looked up:
 * an object that already exists, or whose namespace does not, is "created". The API server's field
 * validation is not done on the client either, the server supporting it (validation.paramVerifyingSchema).
 */
function createOnClient(
  ctx: Context,
  files: readonly ManifestFile[],
  output: string | undefined,
): KubectlResult {
  const out: string[] = [];
  const err: string[] = [];
  for (const file of files) {
    const parsed = parseManifests(file.name, file.text);
    if (!parsed.ok) {
      err.push(...parsed.diagnostics.map((d) => d.message));
      continue;
    }
    for (const doc of parsed.documents) {
      const mapped = mapDocument(doc);
      if (!mapped.ok) {
        err.push(mapped.diagnostic.message);
        continue;
      }
      const mismatch = namespaceMismatch(mapped.info, doc.value, ctx);
      if (mismatch) {
        err.push(mismatch);
        continue;
      }
      const name = (doc.value.metadata as { name?: unknown } | undefined)?.name;
      const qualified = qualifiedName(mapped.info, typeof name === "string" ? name : "");
      out.push(output === "name" ? qualified : `${qualified} created`);
    }
  }
  if (out.length === 0 && err.length === 0) return fail(ctx.state, "error: no objects passed to create");
  return printed(ctx.state, out, aggregateErrors(err.map((e) => [e])), err.length > 0);
}

/** A line per object on stdout, a line per error or warning on stderr; exit 1 when one failed. */
function printed(
  state: KubectlResult["state"],
  out: string[],
  err: string[],
  failed: boolean,
): KubectlResult {
  return {
    state,
    stdout: out.length ? `${out.join("\n")}\n` : "",
    stderr: err.length ? `${err.join("\n")}\n` : "",
    exitCode: failed ? 1 : 0,
  };
}

export { ok };
