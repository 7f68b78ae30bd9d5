import { expect, test } from "@playwright/test";
import { apply, newFile, openLesson, pasteIntoEditor, showPanel } from "../../fixtures/lesson";
import { trackErrors } from "../../fixtures/network";
import { runKubectl, terminalText } from "../../fixtures/terminal";

// Services: a selector typo says which label differs and where; the fix gives endpoints; a trace from a
// pod is drawn on the diagram hop by hop; a LoadBalancer gets its address when time passes.

const manifest = (selector: string) => `apiVersion: v1
kind: Pod
metadata:
  name: api
  labels:
    app: api
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: sh
      image: busybox:1.36
      command: ["sleep", "3600"]
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: LoadBalancer
  selector:
    app: ${selector}
  ports:
    - port: 80
      targetPort: 80
`;

test("a Service with a selector typo says why; fixed, a trace through it is drawn; waiting gives the load balancer its IP", async ({
  page,
}) => {
  const errors = trackErrors(page);
  await openLesson(page, "en", "one-ip-per-pod");
  await newFile(page, "en", "api.yaml");
  await pasteIntoEditor(page, manifest("apo"));
  await apply(page);
  await expect(page.getByRole("region", { name: "Apply output" })).toContainText("service/api created");

  await showPanel(page, "en", "why");
  const record = page.locator(".why-record").filter({ hasText: "Service api" });
  await expect(record).toContainText("has no ready endpoints");
  await expect(record).toContainText("The closest, api, has app=api, but the selector asks for app=apo");
  await expect(record).toContainText("spec.selector.app");
  // The lesson's own pod (app=web) is as close as api: each differing value is a reason on the same line.
  await record.getByRole("button", { name: "Go to api.yaml, line 31" }).first().click();
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText("31");

  await showPanel(page, "en", "diagram");
  await expect(page.getByTestId("service-api")).toHaveClass(/health-pending/);
  await expect(page.getByTestId("service-api")).toContainText("no endpoints");

  // Fixed: the Service has its endpoint, drawn as an edge to the pod, and nothing is left to explain.
  await pasteIntoEditor(page, manifest("api"));
  await apply(page);
  await expect(page.getByTestId("service-api")).toHaveClass(/health-ok/);
  await expect(page.getByTestId("service-api")).toContainText("1 endpoint");
  await expect(page.getByTestId("service-api")).toContainText("80→80/TCP");
  await expect(page.getByTestId("service-api")).toContainText("external IP pending");
  await expect(page.locator(".react-flow__edge.edge-endpoint")).toHaveCount(1);

  // Tab completes the simulator's own commands and names; the trace draws its path on the diagram.
  await showPanel(page, "en", "terminal");
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type("trace cl");
  await page.keyboard.press("Tab");
  await expect.poll(() => terminalText(page)).toContain("trace client ");
  await page.keyboard.press("Control+C");
  const traced = await runKubectl(page, "en", "trace client http://api");
  expect(traced).toMatch(/Result:\s+.*200/);
  await showPanel(page, "en", "diagram");
  await expect(page.locator(".react-flow__edge.edge-trace")).toHaveCount(2);
  await expect(page.getByTestId("pod-client")).toHaveClass(/traced/);
  await expect(page.getByTestId("service-api")).toHaveClass(/traced/);
  await expect(page.getByTestId("pod-api")).toHaveClass(/traced/);
  const hops = page.locator(".trace-table tbody tr");
  expect(await hops.count()).toBeGreaterThan(3);
  await expect(page.locator(".trace-table")).toContainText("DNAT");
  await expect(page.locator(".trace-result")).toContainText("Delivered");
  await page.getByRole("button", { name: "Clear the trace" }).click();
  await expect(page.locator(".react-flow__edge.edge-trace")).toHaveCount(0);

  // The same trace from the diagram's own form.
  await page.getByLabel("URL").fill("http://api");
  await page.getByRole("button", { name: "Trace", exact: true }).click();
  await expect(page.locator(".react-flow__edge.edge-trace")).toHaveCount(2);

  // Time passes: Google Cloud builds the load balancer and the Service gets its external address.
  await page.getByRole("button", { name: "Wait 1 min" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "One minute of cluster time passed." }),
  ).toBeVisible();
  await expect(page.getByTestId("service-api")).not.toContainText("external IP pending");
  const svc = await runKubectl(page, "en", "kubectl get svc api");
  expect(svc).toMatch(/api\s+LoadBalancer\s+\S+\s+\d+\.\d+\.\d+\.\d+\s+80:\d+\/TCP/);
  const why = await runKubectl(page, "en", "why svc/api");
  expect(why).toContain("It has 1 ready endpoint");

  expect(errors(), "console errors").toEqual([]);
});
