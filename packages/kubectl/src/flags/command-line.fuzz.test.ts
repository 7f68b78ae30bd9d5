// Whatever a confused learner types, kubectl answers: no command line throws, and each is answered
// with exit code 0 or 1 and the same bytes every time.
import { createCluster } from "@kubejam/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../run";
import { KUBECTL } from "./kubectl-commands";

const created = createCluster({ seed: 3 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;

const commandWords = (KUBECTL.children ?? []).flatMap((c) => [
  c.name,
  ...(c.children ?? []).map((s) => s.name),
]);
const flagWords = [
  ...new Set(
    [KUBECTL, ...(KUBECTL.children ?? [])].flatMap((c) => [
      ...(c.flags ?? []).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
      ...(c.persistentFlags ?? []).map((f) => `--${f.name}`),
    ]),
  ),
];
const word = fc.oneof(
  fc.constantFrom(...commandWords),
  fc.constantFrom(...flagWords),
  fc.constantFrom(...flagWords).map((f) => `${f}=`),
  fc.constantFrom(
    "pods",
    "pod/web",
    "deploy",
    "svc",
    "-",
    "--",
    "-it",
    "-itn",
    "=",
    "kube-system",
    "x=1",
    "-1",
  ),
  fc.string({ maxLength: 12 }),
);

describe("any command line", () => {
  it("is answered, never thrown, with exit code 0 or 1, the same way twice", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const first = run(state, words);
        expect([0, 1]).toContain(first.exitCode);
        const again = run(state, words);
        expect(again.stdout).toBe(first.stdout);
        expect(again.stderr).toBe(first.stderr);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
