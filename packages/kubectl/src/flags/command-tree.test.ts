import { describe, expect, it } from "vitest";
import { type CommandNode, findCommand } from "./command-tree";

const TREE: CommandNode = {
  name: "kubectl",
  persistentFlags: [
    { name: "namespace", short: "n", type: "string" },
    { name: "insecure-skip-tls-verify", type: "bool" },
  ],
  children: [
    { name: "get", flags: [{ name: "all-namespaces", short: "A", type: "bool" }] },
    {
      name: "create",
      flags: [
        { name: "filename", short: "f", type: "stringSlice" },
        { name: "save-config", type: "bool" },
      ],
      children: [
        { name: "deployment", aliases: ["deploy"], flags: [{ name: "image", type: "stringSlice" }] },
        {
          name: "service",
          aliases: ["svc"],
          children: [{ name: "nodeport", flags: [{ name: "tcp", type: "stringSlice" }] }],
        },
      ],
    },
    {
      name: "config",
      persistentFlags: [{ name: "kubeconfig", type: "string" }],
      children: [{ name: "view" }],
    },
  ],
};

const path = (line: string) => findCommand(TREE, line.split(" ")).path.join(" ");

describe("findCommand (cobra's Find)", () => {
  it.each([
    ["get pods", "get"],
    ["-n kube-system get pods", "get"],
    ["--namespace kube-system get pods", "get"],
    ["--namespace=kube-system get pods", "get"],
    ["--insecure-skip-tls-verify get pods", "get"],
    ["create deployment web --image=nginx", "create deployment"],
    ["create deploy web", "create deployment"],
    ["create -f deployment", "create"],
    ["create --save-config deployment web", "create deployment"],
    ["create svc nodeport web --tcp=80:80", "create service nodeport"],
    ["config view --kubeconfig x", "config view"],
    ["pods", ""],
    // A value flag the root does not know takes the next word, as cobra's stripFlags assumes.
    ["--image x get", "get"],
    // cobra stops at a value flag whose value would be the last word.
    ["-n get", ""],
  ])("%s -> %s", (line, expected) => {
    expect(path(line)).toBe(expected);
  });

  it("gives a subcommand its own flags and the persistent ones, not its parent's local ones", () => {
    const { flags } = findCommand(TREE, ["config", "view"]);
    expect(flags.lookup("kubeconfig")).toBeDefined();
    expect(flags.lookupShort("n")?.name).toBe("namespace");
    const deployment = findCommand(TREE, ["create", "deployment"]).flags;
    expect(deployment.lookup("image")).toBeDefined();
    expect(deployment.lookup("filename")).toBeUndefined();
  });
});
