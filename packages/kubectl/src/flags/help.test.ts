// kubectl's own help pages: one for every command the simulation knows, reached the ways kubectl
// offers (--help, -h, `kubectl help ...`, a dispatcher alone, kubectl alone), each followed by what
// the simulation leaves out of it.
import { createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { run } from "../run";
import { GLOBAL_OPTIONS, HELP_PAGES } from "./help-pages";
import { KUBECTL, type KubectlCommand } from "./kubectl-commands";

const created = createCluster({ seed: 1 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;
const kubectl = (...argv: string[]) => run(state, argv);

function commandPaths(command: KubectlCommand, path: string[] = []): string[][] {
  return [path, ...(command.children ?? []).flatMap((c) => commandPaths(c, [...path, c.name]))];
}

/** The "Not simulated here" line of a help text, as a list. */
function notSimulated(stdout: string): string[] {
  const line = /^Not simulated here: (.*)\.$/m.exec(stdout)?.[1];
  return line === undefined ? [] : line.split(", ");
}

describe("kubectl COMMAND --help", () => {
  it.each(commandPaths(KUBECTL).map((path) => [path.join(" ") || "(kubectl)", path]))(
    "%s prints kubectl's page for it",
    (_, path) => {
      const page = HELP_PAGES[path.join(" ")];
      expect(page).toBeDefined();
      // The page is the command's own: its usage names the command.
      expect(page).toContain(`kubectl ${path.join(" ")}`.trim());
      const result = kubectl(...path, "--help");
      expect(result).toMatchObject({ exitCode: 0, stderr: "" });
      expect(result.stdout.startsWith(page as string)).toBe(true);
      // Only what the page lists may be called not simulated.
      for (const missing of notSimulated(result.stdout))
        expect(page).toMatch(missing.startsWith("--") ? `${missing}=` : `\n  ${missing} `);
    },
  );

  it.each([
    {
      argv: ["expose", "-h"],
      missing: ["--external-ip", "--session-affinity"],
      simulated: ["--port", "--type"],
    },
    { argv: ["rollout"], missing: ["pause", "resume"], simulated: ["status", "undo"] },
    { argv: ["set", "--help"], missing: ["env", "serviceaccount"], simulated: ["image", "sa"] },
    { argv: ["--help"], missing: ["top", "port-forward", "cp"], simulated: ["get", "help", "options"] },
    { argv: ["get", "--help"], missing: [], simulated: ["--output", "--watch", "--selector"] },
  ])("$argv names what is not simulated", ({ argv, missing, simulated }) => {
    const listed = notSimulated(kubectl(...argv).stdout);
    for (const name of missing) expect(listed).toContain(name);
    for (const name of simulated) expect(listed).not.toContain(name);
  });
});

describe("kubectl help, kubectl alone, kubectl options", () => {
  it.each([
    { argv: ["help"], page: "" },
    { argv: [], page: "" },
    { argv: ["-n", "dev"], page: "" },
    { argv: ["help", "get", "pods"], page: "get" },
    { argv: ["help", "create", "svc", "clusterip"], page: "create service clusterip" },
    { argv: ["help", "rollout", "nonsense"], page: "rollout" },
    { argv: ["help", "-n", "dev", "expose"], page: "expose" },
    { argv: ["help", "options"], page: "options" },
    { argv: ["options", "--help"], page: "options" },
  ])("kubectl $argv prints the page of '$page'", ({ argv, page }) => {
    const result = kubectl(...argv);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.stdout.startsWith(HELP_PAGES[page] as string)).toBe(true);
  });

  it("kubectl options lists the global flags and says which ones act here", () => {
    const result = kubectl("options");
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.stdout).toBe(
      `${GLOBAL_OPTIONS}\nActed on here: -n, --namespace. The others are accepted and change nothing.\n`,
    );
    expect(GLOBAL_OPTIONS).toContain("--cache-dir='$HOME/.kube/cache'");
  });

  it("an unknown topic gets cobra's answer: the topic named, then kubectl's usage, exit 0", () => {
    const result = kubectl("help", "bogus");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^Unknown help topic \[`bogus`\]\n\n\nBasic Commands \(Beginner\):\n {2}create /,
    );
    expect(result.stderr).toMatch(/Use "kubectl options" for a list of global command-line options.*\n$/);
  });

  it.each([
    { argv: ["help", "top"], stderr: "error: kubectl top is not simulated here\n" },
    { argv: ["help", "rollout", "pause"], stderr: "error: kubectl rollout pause is not simulated here\n" },
  ])("kubectl $argv: a command kubectl has and the simulation lacks", ({ argv, stderr }) => {
    expect(kubectl(...argv)).toMatchObject({ exitCode: 1, stdout: "", stderr });
  });
});
