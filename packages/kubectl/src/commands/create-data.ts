// `kubectl create configmap NAME` and `kubectl create secret generic NAME`, from --from-file,
// --from-literal and --from-env-file sources, in that order (staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_configmap.go and create_secret.go; the source parsers in pkg/util and pkg/cmd/util/env_file.go).
import { base64Encode, configMapKeyErrors, envVarNameErrors } from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import type { Context, KubectlResult, SourceFile } from "../result";
import { fail } from "../result";
import { createGenerated } from "./create-object";
import { configMapHash, secretHash } from "./data-hash";
import { exactlyOneName } from "./generator-name";

type DataKind = "ConfigMap" | "Secret";

/** The keys and values a ConfigMap or Secret is built from: text, or bytes (base64) that are not UTF-8. */
interface Entries {
  readonly kind: DataKind;
  readonly name: string;
  readonly data: Map<string, string>;
  readonly binaryData: Map<string, string>;
}

type Step = { ok: true } | { ok: false; message: string };
const done: Step = { ok: true };
const failed = (message: string): Step => ({ ok: false, message });

export function createConfigMapCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const named = exactlyOneName(args.positionals.slice(1), "kubectl create configmap");
  if (!named.ok) return fail(ctx.state, named.message);
  const entries = gather(ctx, args, "ConfigMap", named.name);
  if (!entries.ok) return fail(ctx.state, `error: ${entries.message}`);
  const data = Object.fromEntries(entries.value.data);
  const binaryData = Object.fromEntries(entries.value.binaryData);
  const name = boolFlag(args, "append-hash")
    ? `${named.name}-${configMapHash(named.name, data, binaryData)}`
    : named.name;
  const configMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name },
    ...(entries.value.data.size > 0 ? { data } : {}),
    ...(entries.value.binaryData.size > 0 ? { binaryData } : {}),
  };
  return createGenerated(ctx, args, configMap, `configmap/${name}`);
}

export function createSecretGenericCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const named = exactlyOneName(args.positionals.slice(2), "kubectl create secret generic");
  if (!named.ok) return fail(ctx.state, named.message);
  const entries = gather(ctx, args, "Secret", named.name);
  if (!entries.ok) return fail(ctx.state, `error: ${entries.message}`);
  // A Secret keeps every value as bytes: base64 in its data, text or not.
  const data = new Map([...entries.value.data].map(([k, v]) => [k, base64Encode(v)]));
  for (const [k, v] of entries.value.binaryData) data.set(k, v);
  const type = flag(args, "type") ?? "";
  const values = Object.fromEntries(data);
  const name = boolFlag(args, "append-hash")
    ? `${named.name}-${secretHash(named.name, type, values)}`
    : named.name;
  const secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name },
    ...(data.size > 0 ? { data: values } : {}),
    ...(type ? { type } : {}),
  };
  return createGenerated(ctx, args, secret, `secret/${name}`);
}

function gather(
  ctx: Context,
  args: ParsedArgs,
  kind: DataKind,
  name: string,
): { ok: true; value: Entries } | { ok: false; message: string } {
  const files = flags(args, "from-file");
  const literals = flags(args, "from-literal");
  const envFiles = flags(args, "from-env-file");
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0))
    return { ok: false, message: "from-env-file cannot be combined with from-file or from-literal" };
  const entries: Entries = { kind, name, data: new Map(), binaryData: new Map() };
  for (const source of files) {
    const step = addFileSource(ctx, entries, source);
    if (!step.ok) return step;
  }
  for (const source of literals) {
    const literal = parseLiteralSource(source);
    if (!literal.ok) return literal;
    const step = addText(entries, literal.key, literal.value);
    if (!step.ok) return step;
  }
  for (const source of envFiles) {
    const step = addEnvFile(ctx, entries, source);
    if (!step.ok) return step;
  }
  return { ok: true, value: entries };
}

/** util.ParseLiteralSource: `key=value`, split at the first `=`; a leading `=` names no key. */
function parseLiteralSource(
  source: string,
): { ok: true; key: string; value: string } | { ok: false; message: string } {
  const eq = source.indexOf("=");
  if (eq <= 0) return { ok: false, message: `invalid literal source ${source}, expected key=value` };
  return { ok: true, key: source.slice(0, eq), value: source.slice(eq + 1) };
}

/** util.ParseFileSource: `path` (its base name is the key) or `key=path`. */
function parseFileSource(
  source: string,
): { ok: true; key: string; path: string } | { ok: false; message: string } {
  const separators = source.split("=").length - 1;
  if (separators === 0)
    return { ok: true, key: source.replace(/\/+$/, "").split("/").pop() || "/", path: source };
  if (separators > 1) return { ok: false, message: "key names or file paths cannot contain '='" };
  const [key = "", path = ""] = source.split("=");
  if (key === "") return { ok: false, message: `key name for file path ${path} missing` };
  if (path === "") return { ok: false, message: `file path for key name ${key} missing` };
  return { ok: true, key, path };
}

function addFileSource(ctx: Context, entries: Entries, source: string): Step {
  const parsed = parseFileSource(source);
  if (!parsed.ok) return parsed;
  const read = readSource(ctx, parsed.path);
  if (!read.ok) return failed(`error reading ${parsed.path}: ${read.reason}`);
  if (read.directory === undefined) return addFile(entries, parsed.key, read.file);
  if (source.includes("=")) return failed("cannot give a key name for a directory path");
  // Every regular file of the directory, by its name (ioutil.ReadDir sorts them).
  for (const file of read.directory) {
    const step = addFile(entries, file.name, file);
    if (!step.ok) return step;
  }
  return done;
}

function addFile(entries: Entries, key: string, file: SourceFile): Step {
  if (file.text !== undefined) return addText(entries, key, file.text);
  const invalid = invalidKey(entries, key);
  if (invalid) return failed(invalid);
  entries.binaryData.set(key, file.base64 ?? "");
  return done;
}

/** cmdutil.AddFromEnvFile: one `KEY=value` per line; blank lines and `#` comments skipped. */
function addEnvFile(ctx: Context, entries: Entries, path: string): Step {
  const read = readSource(ctx, path);
  if (!read.ok) return failed(`error reading ${path}: ${read.reason}`);
  if (read.directory !== undefined) return failed("env config file cannot be a directory");
  const lines = (read.file.text ?? "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (let n = 0; n < lines.length; n++) {
    let line = (lines[n] as string).replace(/\r$/, "");
    if (n === 0) line = line.replace(/^\ufeff/, "");
    line = line.trimStart();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    const key = eq < 0 ? line : line.slice(0, eq);
    const errors = envVarNameErrors(key);
    if (errors.length > 0)
      return failed(`${JSON.stringify(key)} is not a valid key name: ${errors.join(";")}`);
    // A key without `=` takes its value from kubectl's environment: here there is none.
    const step = addText(entries, key, eq < 0 ? "" : line.slice(eq + 1));
    if (!step.ok) return step;
  }
  return done;
}

function addText(entries: Entries, key: string, value: string): Step {
  const invalid = invalidKey(entries, key);
  if (invalid) return failed(invalid);
  entries.data.set(key, value);
  return done;
}

/** validateNewConfigMap / validateNewSecret: a valid key, not taken yet. */
function invalidKey(entries: Entries, key: string): string | undefined {
  const errors = configMapKeyErrors(key);
  if (entries.kind === "Secret") {
    if (errors.length > 0)
      return `${JSON.stringify(key)} is not valid key name for a Secret ${errors.join(";")}`;
    if (entries.data.has(key) || entries.binaryData.has(key))
      return `cannot add key ${key}, another key by that name already exists`;
    return undefined;
  }
  if (errors.length > 0)
    return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errors.join(",")}`;
  for (const [field, taken] of [
    ["Data", entries.data],
    ["BinaryData", entries.binaryData],
  ] as const)
    if (taken.has(key))
      return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in ${field} for ConfigMap ${JSON.stringify(entries.name)}`;
  return undefined;
}

function readSource(ctx: Context, path: string) {
  return ctx.io.readSource?.(path) ?? { ok: false as const, reason: "no such file or directory" };
}
