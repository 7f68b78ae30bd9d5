// Golden files for `kubectl get -o yaml|json|name|jsonpath|custom-columns` (kubectl 1.33).
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pods, webPod1 } from "../../test/fixtures/pods";
import { deployment } from "../../test/fixtures/workloads";
import { listOf, printObjects } from "./output";

function golden(name: string, command: string, output: string): Promise<void> {
  return expect(`$ ${command}\n${output}`).toMatchFileSnapshot(`../../test/golden/printers/${name}.txt`);
}

function text(objects: readonly unknown[], output: string, singleItemImplied = false): string {
  const r = printObjects(objects, output, { singleItemImplied });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

const webPods = pods.filter((p) => p.metadata.labels?.app === "web");

describe("-o yaml / json / name", () => {
  it("yaml of one named object", async () => {
    await golden(
      "get-pod-yaml",
      `kubectl get pod ${webPod1.metadata.name} -o yaml`,
      text([webPod1], "yaml", true),
    );
  });

  it("yaml of a list", async () => {
    await golden("get-deployments-yaml", "kubectl get deployments -o yaml", text([deployment], "yaml"));
  });

  it("json of a list", async () => {
    const [first] = webPods;
    await golden(
      "get-pods-json",
      `kubectl get pods --field-selector metadata.name=${first?.metadata.name} -o json`,
      text(webPods.slice(0, 1), "json"),
    );
  });

  it("name", async () => {
    await golden("get-pods-name", "kubectl get pods -o name", text(pods, "name"));
    expect(text([deployment], "name")).toBe("deployment.apps/web\n");
  });

  it("yaml and json parse back to the object", () => {
    const list = listOf(pods);
    expect(parse(text(pods, "yaml"))).toEqual(JSON.parse(JSON.stringify(list)));
    expect(JSON.parse(text(pods, "json"))).toEqual(JSON.parse(JSON.stringify(list)));
  });

  it("an empty list", () => {
    expect(text([], "yaml")).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(text([], "json")).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it("an unknown format is kubectl's error", () => {
    expect(printObjects([], "yml")).toEqual({
      ok: false,
      error:
        'unable to match a printer suitable for the output format "yml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    });
  });
});

describe("-o jsonpath / custom-columns", () => {
  it.each([
    ["get-pods-jsonpath-names", "{.items[*].metadata.name}"],
    ["get-pods-jsonpath-range", '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
    ["get-pods-jsonpath-filter", '{.items[?(@.status.phase=="Running")].spec.containers[*].image}'],
    [
      "get-pods-jsonpath-conditions",
      '{range .items[*]}{.metadata.name}{": "}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
    ],
  ])("%s", async (name, template) => {
    await golden(name, `kubectl get pods -o jsonpath='${template}'`, text(pods, `jsonpath=${template}`));
  });

  it("custom-columns", async () => {
    const spec =
      "NAME:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image,LABELS:.metadata.labels";
    await golden(
      "get-pods-custom-columns",
      `kubectl get pods -o custom-columns=${spec}`,
      text(pods, `custom-columns=${spec}`),
    );
  });
});
