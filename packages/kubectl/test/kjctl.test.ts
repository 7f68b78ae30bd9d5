// The kjctl command as a person runs it: the built bundle in its own process, a state file on disk,
// manifests from stdin (`-f -`) and from a directory tree (`-R`), flags before the command.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const pkg = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "kjctl-"));
const state = join(dir, "state.json");

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec:\n  containers: [{ name: app, image: "busybox:1.36", command: ["sleep", "3600"] }]\n`;

function kjctl(args: string[], stdin = "") {
  const r = spawnSync(process.execPath, [join(pkg, "bin", "kjctl.mjs"), "--state", state, ...args], {
    cwd: dir,
    input: stdin,
    encoding: "utf8",
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

beforeAll(() => {
  // The same bundle `pnpm build` makes (turbo builds it before tests too).
  execFileSync(process.execPath, ["build.mjs"], { cwd: pkg });
  mkdirSync(join(dir, "tree", "nested"), { recursive: true });
  writeFileSync(join(dir, "tree", "top.yaml"), pod("top"));
  writeFileSync(join(dir, "tree", "nested", "deep.yaml"), pod("deep"));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kjctl", () => {
  it("applies manifests from stdin with -f -", () => {
    const r = kjctl(["apply", "-f", "-"], pod("piped"));
    expect(r).toEqual({ stdout: "pod/piped created\n", stderr: "", status: 0 });
  });

  it("reads a directory tree only with -R, however the flags are written", () => {
    expect(kjctl(["apply", "-f", "tree"]).stdout).toBe("pod/top created\n");
    expect(kjctl(["apply", "-Rf", "tree"]).stdout).toBe("pod/deep created\npod/top unchanged\n");
  });

  it("keeps the cluster in the state file, and takes global flags before the command", () => {
    const r = kjctl(["-n", "default", "get", "pods", "-o", "name"]);
    expect(r.stdout).toBe("pod/deep\npod/piped\npod/top\n");
    expect(r.status).toBe(0);
  });

  it("exits 1 with kubectl's message for a flag kubectl does not have", () => {
    expect(kjctl(["get", "pods", "--bogus"])).toEqual({
      stdout: "",
      stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
      status: 1,
    });
  });

  it("prints its own usage alone, and kubectl's pages for `help COMMAND` and `COMMAND --help`", () => {
    expect(kjctl([]).stdout).toMatch(/^kjctl: kubectl for the Kubejam simulated GKE cluster\n/);
    expect(kjctl(["help"]).stdout).toMatch(/^kjctl: kubectl for the Kubejam simulated GKE cluster\n/);
    const page = kjctl(["help", "expose"]);
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^Expose a resource as a new Kubernetes service\.\n/);
    expect(kjctl(["expose", "--help"]).stdout).toBe(page.stdout);
  });

  it("reads --from-file sources from the disk: a directory's regular files, bytes that are not UTF-8 as binaryData", () => {
    mkdirSync(join(dir, "site", "skipped"), { recursive: true });
    writeFileSync(join(dir, "site", "index.html"), "hi\n");
    writeFileSync(join(dir, "site", "logo.bin"), Buffer.from([0xff, 0xfe]));
    const r = kjctl(["create", "configmap", "site", "--from-file=site", "--dry-run=client", "-o", "yaml"]);
    expect(r).toEqual({
      stdout:
        "apiVersion: v1\nbinaryData:\n  logo.bin: //4=\ndata:\n  index.html: |\n    hi\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: site\n",
      stderr: "",
      status: 0,
    });
    expect(kjctl(["create", "configmap", "x", "--from-file=nope.txt"])).toEqual({
      stdout: "",
      stderr: "error: error reading nope.txt: no such file or directory\n",
      status: 1,
    });
  });
});
