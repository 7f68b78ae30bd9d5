// `kubectl create configmap` and `kubectl create secret generic`: what kubectl v1.33.1 prints for the
// same command lines and files (its client dry run, -o yaml), and what the cluster keeps.
import { createCluster, getObject } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import type { KubectlIo, SourceFile } from "../result";
import { run } from "../run";

const created = createCluster({ seed: 1 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;

const text = (name: string, body: string): SourceFile => ({ name, text: body });
const FILES: Record<string, SourceFile> = {
  "index.html": text("index.html", "hello\n"),
  "app.env": text("app.env", "A=1\n# c\n\n  B=two words\nC\n"),
  "bom.env": text("bom.env", "\ufeffBOM=1\r\n1X=2\n"),
  "bin.dat": { name: "bin.dat", base64: "//4=" },
};
const DIR = [text("one.txt", "x\n"), text("two.conf", "y\n")];
const io: KubectlIo = {
  readManifests: () => ({ ok: false, message: "no manifests here" }),
  readSource: (path) => {
    if (path === "dir" || path === "dir/") return { ok: true, directory: DIR };
    const file = FILES[path];
    return file ? { ok: true, file } : { ok: false, reason: "no such file or directory" };
  },
};
const kubectl = (line: string) => run(state, line.split(" "), io);
const DRY = "--dry-run=client -o yaml";

describe("kubectl create configmap|secret generic --dry-run=client -o yaml", () => {
  it.each([
    {
      line: "create cm c --from-literal=a=b --from-literal=x=1",
      yaml: 'apiVersion: v1\ndata:\n  a: b\n  x: "1"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
    },
    {
      line: "create configmap c --from-literal=a=",
      yaml: 'apiVersion: v1\ndata:\n  a: ""\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
    },
    {
      line: "create cm c --from-file=dir",
      yaml: "apiVersion: v1\ndata:\n  one.txt: |\n    x\n  two.conf: |\n    y\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n",
    },
    {
      line: "create cm c --from-file=a.html=index.html,k2=index.html",
      yaml: "apiVersion: v1\ndata:\n  a.html: |\n    hello\n  k2: |\n    hello\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n",
    },
    {
      line: "create cm c --from-env-file=app.env",
      yaml: 'apiVersion: v1\ndata:\n  A: "1"\n  B: two words\n  C: ""\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
    },
    {
      line: "create cm c --from-file=bin.dat",
      yaml: "apiVersion: v1\nbinaryData:\n  bin.dat: //4=\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n",
    },
    {
      line: "create secret generic s --from-file=index.html --type=Opaque",
      yaml: "apiVersion: v1\ndata:\n  index.html: aGVsbG8K\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\ntype: Opaque\n",
    },
    {
      line: "create secret generic s --from-env-file=app.env",
      yaml: 'apiVersion: v1\ndata:\n  A: MQ==\n  B: dHdvIHdvcmRz\n  C: ""\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n',
    },
    {
      line: "create secret generic s --from-file=bin.dat",
      yaml: "apiVersion: v1\ndata:\n  bin.dat: //4=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n",
    },
  ])("$line", ({ line, yaml }) => {
    expect(kubectl(`${line} ${DRY}`)).toMatchObject({ stdout: yaml, stderr: "", exitCode: 0 });
  });

  it.each([
    { line: "create cm c --from-literal=a", error: "invalid literal source a, expected key=value" },
    { line: "create cm c --from-literal==b", error: "invalid literal source =b, expected key=value" },
    { line: "create cm c --from-file=k=", error: "file path for key name k missing" },
    { line: "create cm c --from-file==index.html", error: "key name for file path index.html missing" },
    { line: "create cm c --from-file=a=b=c", error: "key names or file paths cannot contain '='" },
    { line: "create cm c --from-file=missing", error: "error reading missing: no such file or directory" },
    { line: "create cm c --from-file=k=dir", error: "cannot give a key name for a directory path" },
    { line: "create cm c --from-env-file=dir", error: "env config file cannot be a directory" },
    {
      line: "create cm c --from-env-file=app.env --from-literal=a=1",
      error: "from-env-file cannot be combined with from-file or from-literal",
    },
    {
      line: "create cm c --from-literal=a=1 --from-file=a=index.html",
      error: 'cannot add key "a", another key by that name already exists in Data for ConfigMap "c"',
    },
    {
      line: "create cm c --from-file=bin.dat --from-file=bin.dat",
      error:
        'cannot add key "bin.dat", another key by that name already exists in BinaryData for ConfigMap "c"',
    },
    {
      line: "create secret generic s --from-literal=a=1 --from-literal=a=2",
      error: "cannot add key a, another key by that name already exists",
    },
    {
      line: "create cm c --from-env-file=bom.env",
      error:
        "\"1X\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    },
    {
      line: "create cm c --from-literal=bad/key=1",
      error:
        "\"bad/key\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    },
    {
      line: "create secret generic s --from-literal=..=1",
      error: "\"..\" is not valid key name for a Secret must not be '..'",
    },
    {
      line: "create cm",
      error: "exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples",
    },
    {
      line: "create secret generic a b",
      error:
        "exactly one NAME is required, got 2\nSee 'kubectl create secret generic -h' for help and examples",
    },
  ])("$line: $error", ({ line, error }) => {
    expect(kubectl(`${line} ${DRY}`)).toMatchObject({ stdout: "", stderr: `error: ${error}\n`, exitCode: 1 });
  });
});

describe("--append-hash", () => {
  // The names kubectl v1.33.1 gives the same objects.
  it.each([
    ["create cm c --from-literal=a=1", "configmap/c-9dtcmmmm5t"],
    ["create cm web --from-file=index.html --from-file=bin.dat", "configmap/web-tc79fbh29g"],
    ["create cm h --from-literal=t=<&>", "configmap/h-65m6d9767k"],
    ["create secret generic s --from-literal=a=1", "secret/s-gtkfk5m49d"],
    ["create secret generic s --from-file=bin.dat --type=Opaque", "secret/s-c25gg29m46"],
  ])("%s: %s", (line, name) => {
    expect(kubectl(`${line} --append-hash --dry-run=client`)).toMatchObject({
      stdout: `${name} created (dry run)\n`,
      exitCode: 0,
    });
  });
});

describe("created for real", () => {
  it("stores the ConfigMap and the Secret, and refuses a second one of the same name", () => {
    const first = kubectl("create configmap web --from-file=index.html --from-literal=mode=demo");
    expect(first).toMatchObject({ stdout: "configmap/web created\n", exitCode: 0 });
    expect(getObject(first.state, "ConfigMap", "default", "web")).toMatchObject({
      data: { "index.html": "hello\n", mode: "demo" },
    });
    const again = run(first.state, ["create", "cm", "web", "--from-literal=a=b"], io);
    expect(again).toMatchObject({
      stderr: 'Error from server (AlreadyExists): configmaps "web" already exists\n',
      exitCode: 1,
    });
    const secret = run(
      first.state,
      ["create", "secret", "generic", "pw", "--from-literal=password=hunter2"],
      io,
    );
    expect(secret).toMatchObject({ stdout: "secret/pw created\n", exitCode: 0 });
    expect(getObject(secret.state, "Secret", "default", "pw")).toMatchObject({
      data: { password: "aHVudGVyMg==" },
      type: "Opaque",
    });
  });

  it("without a file system, a file source does not exist", () => {
    const bare = run(state, ["create", "cm", "c", "--from-file=index.html"]);
    expect(bare).toMatchObject({
      stderr: "error: error reading index.html: no such file or directory\n",
      exitCode: 1,
    });
  });

  it("kubectl create secret tls and docker-registry are not simulated", () => {
    expect(kubectl("create secret tls x")).toMatchObject({
      stderr: "error: kubectl create secret tls is not simulated here\n",
      exitCode: 1,
    });
  });
});
