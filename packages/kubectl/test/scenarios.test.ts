import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ClusterState, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import type { KubectlIo } from "../src/index";
import { run, runKj } from "../src/index";

// Golden scenarios over the real engine: each folder holds manifests and a `commands.txt`; every
// command's output is kept in `NN-<verb>.txt`, starting with its `$ kubectl …` (or `$ kjctl …`) line. Regenerate with
// `pnpm vitest run -u` and review the diff like code (see golden/README.md for the kubectl version).
const root = join(import.meta.dirname, "golden", "scenarios");

/** Splits a command line as a POSIX shell would: quotes may start mid-word (`-o jsonpath='{…}'`). */
function splitCommand(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (ch === " ") {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else word = (word ?? "") + ch;
  }
  if (word !== undefined) out.push(word);
  return out;
}

for (const scenario of readdirSync(root).sort()) {
  const dir = join(root, scenario);
  const commands = readFileSync(join(dir, "commands.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const io: KubectlIo = {
    readManifests(path) {
      try {
        return { ok: true, files: [{ name: path, text: readFileSync(join(dir, path), "utf8") }] };
      } catch {
        return { ok: false, message: `error: the path "${path}" does not exist` };
      }
    },
  };
  describe(scenario, () => {
    const created = createCluster({ seed: 1 });
    if (!created.ok) throw new Error("cluster");
    let state: ClusterState = created.state;
    commands.forEach((line, i) => {
      const argv = splitCommand(line);
      const file = `${String(i + 1).padStart(2, "0")}-${argv
        .slice(0, 2)
        .join("-")
        .replace(/[^a-z0-9-]/gi, "_")}.txt`;
      // A line starting with `kjctl` is one of the simulator's own commands (trace, why, advance).
      const kj = argv[0] === "kjctl";
      const shown = kj ? line : `kubectl ${line}`;
      it(`${i + 1}: ${shown}`, async () => {
        const r = kj ? runKj(state, argv.slice(1)) : run(state, argv, io);
        state = r.state;
        const text = `$ ${shown}\n${r.stdout}${r.stderr ? `[stderr]\n${r.stderr}` : ""}[exit ${r.exitCode}]\n`;
        await expect(text).toMatchFileSnapshot(join(dir, file));
      });
    });
  });
}
