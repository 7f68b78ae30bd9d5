// kubectl JSONPath templates (client-go/util/jsonpath) as case tables.
import { describe, expect, it } from "vitest";
import { pods, webPod1 } from "../../test/fixtures/pods";
import { listOf, printJsonPath } from "./output";

const list = listOf(pods.slice(0, 2));

describe("printJsonPath", () => {
  it.each<[string, unknown, string]>([
    ["{.metadata.name}", webPod1, "web-7d4b9c6f5d-x2kqp"],
    ["name={.metadata.name}", webPod1, "name=web-7d4b9c6f5d-x2kqp"],
    ["{.spec.containers[0].image}", webPod1, "nginx:1.27"],
    ["{.spec.containers[*].name}", webPod1, "nginx log-agent"],
    ["{.spec.containers[-1:].name}", webPod1, "log-agent"],
    ["{.spec.containers[0:1].name}", webPod1, "nginx"],
    ["{.metadata.labels}", webPod1, '{"app":"web","pod-template-hash":"7d4b9c6f5d"}'],
    ["{.metadata.labels['pod-template-hash']}", webPod1, "7d4b9c6f5d"],
    ['{.metadata.labels.app}{"\\n"}', webPod1, "web\n"],
    ["{.missing.field}", webPod1, ""],
    ["{.spec.containers[0].ports[?(@.containerPort==80)].name}", webPod1, "http"],
    ['{.status.conditions[?(@.type=="Ready")].lastProbeTime}', webPod1, "<nil>"],
    ["{.spec.containers[0].ports[0].containerPort}", webPod1, "80"],
    ["{.spec.containers[*]['name','image']}", webPod1, "nginx log-agent nginx:1.27 busybox:1.36"],
    ["{.items[0,1].metadata.name}", list, "crash-6c9f8d7b5-m4x8p db-0"],
    ["{..restartCount}", list, "4"],
    ["{range .items[*]}[{.metadata.name}]{end}", list, "[crash-6c9f8d7b5-m4x8p][db-0]"],
    ['{range .items[*]}{range .spec.containers[*]}{.name}{","}{end}{";"}{end}', list, "app,;postgres,;"],
    ["{range .items[?(@.spec.nodeName)]}{.metadata.name}{end}", list, "crash-6c9f8d7b5-m4x8p"],
    ["{range .items[*].nothing}x{end}done", list, "done"],
  ])("%s", (template, data, expected) => {
    expect(printJsonPath(template, data)).toEqual({ ok: true, text: expected });
  });

  it.each<[string, string]>([
    ["{.metadata.name", "error parsing jsonpath {.metadata.name, unclosed action"],
    ["{.items[0}", "error parsing jsonpath {.items[0}, unterminated array"],
    ["{.items[a]}", "error parsing jsonpath {.items[a]}, invalid array index a"],
    ["{!}", "error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'"],
    ['{"abc}', 'error parsing jsonpath {"abc}, unterminated quoted string'],
  ])("parse error %s", (template, error) => {
    expect(printJsonPath(template, webPod1)).toEqual({ ok: false, error });
  });

  it.each<[string, string]>([
    ["{.spec.containers[5].name}", "array index out of bounds: index 5, length 2"],
    ["{.metadata[0]}", "map[string]interface {} is not array or slice"],
    ["{end}", "not in range, nothing to end"],
    ["{foo}", "unrecognized identifier foo"],
    ['{.spec.containers[0].ports[?(@.containerPort=="80")].name}', "incompatible types for comparison"],
  ])("execution error %s", (template, message) => {
    const r = printJsonPath(template, webPod1);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const quoted = JSON.stringify(template);
      expect(
        r.error.startsWith(
          `error executing jsonpath ${quoted}: Error executing template: ${message}. Printing more information`,
        ),
      ).toBe(true);
      expect(r.error).toContain(
        `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{`,
      );
      expect(r.error.endsWith("}\n\n\n")).toBe(true);
    }
  });

  it("refuses missing keys when --allow-missing-template-keys=false", () => {
    const r = printJsonPath("{.nope}", webPod1, { allowMissingKeys: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("Error executing template: nope is not found.");
  });

  it("-o jsonpath-as-json", () => {
    expect(printJsonPath("{.spec.containers[*].name}", webPod1, { asJson: true })).toEqual({
      ok: true,
      text: '[\n    "nginx",\n    "log-agent"\n]\n',
    });
  });
});
