// Golden files for `kubectl get` tables (kubectl 1.33 layout; see test/golden/printers/README.md).
import { describe, expect, it } from "vitest";
import { NOW } from "../../test/fixtures/clock";
import { events } from "../../test/fixtures/events";
import { namespaces, nodes } from "../../test/fixtures/nodes";
import { pods } from "../../test/fixtures/pods";
import { deployment, replicaSet } from "../../test/fixtures/workloads";
import { TABLES } from "./registry";
import { printTable, printTables, type TableOptions, tableSection } from "./table";

function golden(name: string, command: string, output: string): Promise<void> {
  return expect(`$ ${command}\n${output}`).toMatchFileSnapshot(`../../test/golden/printers/${name}.txt`);
}

const podTable = tableSection(TABLES.Pod, pods, NOW);

describe("kubectl get pods", () => {
  it.each<[string, string, TableOptions]>([
    ["get-pods", "kubectl get pods", {}],
    ["get-pods-wide", "kubectl get pods -o wide", { wide: true }],
    ["get-pods-show-labels", "kubectl get pods --show-labels", { showLabels: true }],
    ["get-pods-no-headers", "kubectl get pods --no-headers", { noHeaders: true }],
    ["get-pods-all-namespaces", "kubectl get pods -A", { allNamespaces: true }],
    ["get-pods-show-kind", "kubectl get pods --show-kind", { withKind: true }],
  ])("%s", async (name, command, options) => {
    await golden(name, command, printTable(podTable, options));
  });

  it("prints nothing for an empty list (the caller writes No resources found)", () => {
    expect(printTable(tableSection(TABLES.Pod, [], NOW))).toBe("");
  });
});

describe("other kinds", () => {
  it("deployments", async () => {
    const section = tableSection(TABLES.Deployment, [deployment], NOW);
    await golden("get-deployments", "kubectl get deployments", printTable(section));
    await golden(
      "get-deployments-wide",
      "kubectl get deployments -o wide",
      printTable(section, { wide: true }),
    );
  });

  it("replicasets", async () => {
    const section = tableSection(TABLES.ReplicaSet, [replicaSet], NOW);
    await golden("get-replicasets", "kubectl get replicasets", printTable(section));
    await golden("get-replicasets-wide", "kubectl get rs -o wide", printTable(section, { wide: true }));
  });

  it("nodes", async () => {
    const section = tableSection(TABLES.Node, nodes, NOW);
    await golden("get-nodes", "kubectl get nodes", printTable(section));
    await golden("get-nodes-wide", "kubectl get nodes -o wide", printTable(section, { wide: true }));
    // cluster-scoped kinds get no NAMESPACE column with -A
    await golden(
      "get-nodes-all-namespaces",
      "kubectl get nodes -A",
      printTable(section, { allNamespaces: true }),
    );
  });

  it("namespaces", async () => {
    await golden(
      "get-namespaces",
      "kubectl get namespaces",
      printTable(tableSection(TABLES.Namespace, namespaces, NOW)),
    );
  });

  it("events", async () => {
    const section = tableSection(TABLES.Event, events, NOW);
    await golden("get-events", "kubectl get events", printTable(section));
    await golden("get-events-wide", "kubectl get events -o wide", printTable(section, { wide: true }));
  });

  it("several kinds in one get", async () => {
    const sections = [
      podTable,
      tableSection(TABLES.Deployment, [deployment], NOW),
      tableSection(TABLES.ReplicaSet, [replicaSet], NOW),
    ];
    await golden(
      "get-pods-deployments-replicasets",
      "kubectl get pods,deployments,replicasets",
      printTables(sections),
    );
    await golden(
      "get-pods-deployments-replicasets-no-headers",
      "kubectl get po,deploy,rs --no-headers",
      printTables(sections, { noHeaders: true }),
    );
  });

  it("no kind prefix when only one of the requested kinds has objects", () => {
    const out = printTables([
      tableSection(TABLES.Deployment, [], NOW),
      tableSection(TABLES.ReplicaSet, [replicaSet], NOW),
    ]);
    expect(out.split("\n")[1]?.startsWith("web-7d4b9c6f5d ")).toBe(true);
  });
});
