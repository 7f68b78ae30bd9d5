// A lesson body read as the script a learner follows: each <Manifest file="…" /> is applied where it
// appears, each line of a ```sh block is run (kubectl, or kjctl's own trace/why/advance), and a ```text
// block right after a one-command ```sh block is what the lesson claims that command prints. Running the
// script on the real engine and comparing those claims keeps every output a lesson shows honest.
import { applyManifests, type ClusterState, createCluster } from "@kubejam/engine";
import { type KubectlIo, run, runKj, splitCommandLine } from "@kubejam/kubectl";
import type { Lesson } from "../src/index";

export interface ShownOutput {
  command: string;
  /** What the lesson prints under the command. */
  shown: string;
  /** What the engine printed, as a terminal shows it (stdout and stderr). */
  printed: string;
}

export interface ScriptRun {
  state: ClusterState;
  /** Every command the body lists, in order. */
  commands: string[];
  /** Each command with what it printed and the cluster right after it. */
  steps: { command: string; printed: string; state: ClusterState }[];
  outputs: ShownOutput[];
  /** Manifests that did not apply as lesson.yaml says, and command lines that cannot be read. */
  problems: string[];
}

type Block = { kind: "manifest"; file: string } | { kind: "code"; lang: string; text: string };

function blocks(body: string): Block[] {
  const found: Block[] = [];
  const pattern = /<Manifest\s+file="([^"]+)"\s*\/>|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of body.matchAll(pattern)) {
    if (m[1] !== undefined) found.push({ kind: "manifest", file: m[1] });
    else found.push({ kind: "code", lang: m[2] ?? "", text: m[3] ?? "" });
  }
  return found;
}

/** Line ends are not part of a claim: editors strip trailing spaces that kubectl's tables print. */
export const normalize = (text: string): string =>
  text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();

/** `kubectl apply -f NAME` reads the lesson's files, as the app's terminal reads the editor's. */
function editorFiles(lesson: Lesson): KubectlIo {
  return {
    readManifests(path) {
      const m = lesson.manifests.find((x) => x.name === path.replace(/^\.\//, ""));
      if (!m) return { ok: false, message: `error: the path "${path}" does not exist` };
      return { ok: true, files: [{ name: m.name, text: m.text }] };
    },
  };
}

export function runLessonScript(lesson: Lesson, locale: "ko" | "en", seed = 1): ScriptRun {
  const created = createCluster({ seed });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  let state = created.state;
  const commands: string[] = [];
  const steps: ScriptRun["steps"] = [];
  const outputs: ShownOutput[] = [];
  const problems: string[] = [];
  let last: { command: string; printed: string } | undefined;
  for (const b of blocks(lesson.body[locale])) {
    if (b.kind === "manifest") {
      const m = lesson.manifests.find((x) => x.name === b.file);
      if (!m) {
        problems.push(`<Manifest file="${b.file}" /> names no manifest of the lesson`);
        continue;
      }
      const applied = applyManifests(state, [{ name: m.name, text: m.text }]);
      state = applied.state;
      const rejected = applied.results.some((r) => !r.ok);
      if (rejected !== (m.expect === "rejected"))
        problems.push(`${m.name} ${rejected ? "was rejected" : "applied"}, lesson.yaml says ${m.expect}`);
      last = undefined;
      continue;
    }
    if (b.lang === "sh") {
      const lines = b.text.split("\n").filter((l) => l.trim() !== "");
      last = undefined;
      for (const line of lines) {
        const argv = splitCommandLine(line);
        if (!argv || (argv[0] !== "kubectl" && argv[0] !== "kjctl")) {
          problems.push(`cannot run "${line}"`);
          continue;
        }
        const r = argv[0] === "kjctl" ? runKj(state, argv.slice(1)) : run(state, argv, editorFiles(lesson));
        state = r.state;
        commands.push(line);
        // A terminal shows kubectl's warnings before the output; anything else on stderr comes after it.
        const printed = r.stderr.startsWith("Warning:") ? r.stderr + r.stdout : r.stdout + r.stderr;
        steps.push({ command: line, printed, state });
        last = { command: line, printed };
      }
      if (lines.length !== 1) last = undefined;
      continue;
    }
    if (b.lang === "text") {
      if (last)
        outputs.push({ command: last.command, shown: normalize(b.text), printed: normalize(last.printed) });
      else problems.push(`an output block follows no single command:\n${b.text}`);
    }
    last = undefined;
  }
  return { state, commands, steps, outputs, problems };
}
