// kjctl: kubectl against a simulated GKE cluster kept in a JSON file. The only part of the package that does I/O.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type ClusterState, createCluster } from "@kubejam/engine";
import { parse as parseYaml } from "yaml";
import { boolFlag, flags, parseCommandLine } from "../args";
import { isKjCommand, runKj } from "../kj/run-kj";
import type { KubectlIo, SourceFile, SourceRead } from "../result";
import { run } from "../run";

const USAGE = `kjctl: kubectl for the Kubejam simulated GKE cluster

Usage:
  kjctl [--state FILE] [--seed N] <kubectl command and flags>
  kjctl reset [--state FILE] [--seed N] [--cluster FILE]   start over with a new cluster (FILE: topology, manifests)
  kjctl advance DURATION [--state FILE]                    let simulated time pass (e.g. 30s, 5m)
  kjctl trace FROM URL [-n NS]                             the path of a request, hop by hop
  kjctl why KIND/NAME [-n NS]                              why a pod is Pending, a Service has no endpoints, a claim is unbound

The cluster lives in FILE (default .kubejam/state.json in the current directory),
created on first use. kubectl's own help: kjctl help [COMMAND], kjctl options. Examples:
  kjctl apply -f pod.yaml
  kjctl get pods -o wide
  kjctl exec web -- wget -qO- http://localhost
`;

interface Options {
  statePath: string;
  seed: number;
  cluster?: string;
  args: string[];
}

function parseOptions(argv: string[]): Options {
  const args: string[] = [];
  let statePath = join(process.cwd(), ".kubejam", "state.json");
  let seed = 1;
  let cluster: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      args.push(...argv.slice(i));
      break;
    }
    const take = (name: string): string | undefined => {
      if (a === name) return argv[++i];
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      return undefined;
    };
    const s = take("--state");
    if (s !== undefined) {
      statePath = resolve(s);
      continue;
    }
    const n = take("--seed");
    if (n !== undefined) {
      seed = Number(n);
      continue;
    }
    const c = args[0] === "reset" ? take("--cluster") : undefined;
    if (c !== undefined) {
      cluster = c;
      continue;
    }
    args.push(a);
  }
  return { statePath, seed, cluster, args };
}

function newCluster(seed: number, clusterFile?: string): ClusterState {
  const doc = clusterFile
    ? (parseYaml(readFileSync(clusterFile, "utf8")) as Record<string, unknown> | null)
    : undefined;
  // A cluster file holds a topology (at the top or under `topology:`) and may list the operator's
  // manifests under `manifests:` (paths relative to the file), applied when the cluster is created.
  const { manifests, topology, ...rest } = doc ?? {};
  const paths = Array.isArray(manifests) ? manifests.map(String) : [];
  const files = paths.flatMap((p) => {
    const read = readManifests(resolve(dirname(clusterFile ?? "."), p), true);
    return read.ok ? read.files : [];
  });
  const created = createCluster({
    seed,
    topology: (topology ?? (doc ? rest : undefined)) as never,
    ...(files.length > 0 ? { manifests: files } : {}),
  });
  if (!created.ok) {
    process.stderr.write(
      `error: cannot create the cluster:\n${created.errors.map((e) => `* ${e}`).join("\n")}\n`,
    );
    process.exit(1);
  }
  return created.state;
}

function load(o: Options): ClusterState {
  if (!existsSync(o.statePath)) return newCluster(o.seed);
  try {
    return JSON.parse(readFileSync(o.statePath, "utf8")) as ClusterState;
  } catch (e) {
    process.stderr.write(
      `error: cannot read the cluster state in ${o.statePath}: ${String(e)}\nRun \`kjctl reset\` to start over.\n`,
    );
    process.exit(1);
  }
}

function save(path: string, state: ClusterState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(state));
}

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

function readManifests(path: string, recursive: boolean): ReturnType<KubectlIo["readManifests"]> {
  if (!existsSync(path)) return { ok: false, message: `error: the path "${path}" does not exist` };
  if (statSync(path).isDirectory()) {
    const files: { name: string; text: string }[] = [];
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) {
        if (recursive) {
          const sub = readManifests(full, true);
          if (sub.ok) files.push(...sub.files);
        }
      } else if (MANIFEST_EXTENSIONS.some((e) => entry.endsWith(e)))
        files.push({ name: full, text: readFileSync(full, "utf8") });
    }
    return { ok: true, files };
  }
  return { ok: true, files: [{ name: path, text: readFileSync(path, "utf8") }] };
}

/** What Go's os errors say for the codes a missing or unreadable path gives. */
const OS_ERRORS: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EACCES: "permission denied",
};

/** A --from-file / --from-env-file source: a file, or the regular files of a directory (os.ReadDir). */
function readSource(path: string): SourceRead {
  try {
    if (!statSync(path).isDirectory()) return { ok: true, file: sourceFile(path, path) };
    const directory = readdirSync(path)
      .sort()
      .filter((name) => lstatSync(join(path, name)).isFile())
      .map((name) => sourceFile(name, join(path, name)));
    return { ok: true, directory };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    return { ok: false, reason: OS_ERRORS[code] ?? String(e) };
  }
}

function sourceFile(name: string, path: string): SourceFile {
  const bytes = readFileSync(path);
  try {
    return { name, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { name, base64: bytes.toString("base64") };
  }
}

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  const [first] = o.args;
  // kjctl's own usage; `kjctl help get`, `kjctl get --help` and `kjctl options` are kubectl's pages.
  if (o.args.length <= 1 && (!first || first === "--help" || first === "-h" || first === "help")) {
    process.stdout.write(USAGE);
    return;
  }
  if (first === "reset") {
    save(o.statePath, newCluster(o.seed, o.cluster));
    process.stdout.write(`A new cluster is ready (${o.statePath}).\n`);
    return;
  }
  const state = load(o);
  if (isKjCommand(first)) {
    const result = runKj(state, o.args);
    if (result.state !== state) save(o.statePath, result.state);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
    return;
  }
  // The flags as kubectl reads them: -R, and `-f -` for the manifests on stdin.
  const { args } = parseCommandLine(o.args[0] === "kubectl" ? o.args.slice(1) : o.args);
  const recursive = boolFlag(args, "recursive");
  const needsStdin = flags(args, "filename").includes("-");
  const io: KubectlIo = {
    readManifests: (p) => readManifests(p, recursive),
    readSource,
    ...(needsStdin ? { stdin: readFileSync(0, "utf8") } : {}),
  };
  const result = run(state, o.args, io);
  if (result.state !== state || !existsSync(o.statePath)) save(o.statePath, result.state);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

main();
