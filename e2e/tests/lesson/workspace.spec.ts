import { expect, test } from "@playwright/test";
import {
  apply,
  editorText,
  newFile,
  openLesson,
  pasteIntoEditor,
  resourceRow,
  showPanel,
  typeLines,
  waitForWorkspace,
} from "../../fixtures/lesson";
import { trackErrors, trackForeignRequests } from "../../fixtures/network";
import { runKubectl } from "../../fixtures/terminal";

test("type a manifest, apply it, see the pod in the list, the diagram and the terminal; reload keeps it", async ({
  page,
}) => {
  const foreign = trackForeignRequests(page);
  const errors = trackErrors(page);
  await openLesson(page, "en", "one-ip-per-pod");

  await newFile(page, "en", "typed.yaml");
  await typeLines(page, [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: typed, labels: {app: typed}}",
    "spec: {containers: [{name: web, image: nginx:1.27}, {name: tools, image: busybox:1.36, command: [sleep, '3600']}]}",
  ]);
  await apply(page);
  await expect(page.getByRole("region", { name: "Apply output" })).toContainText("pod/typed created");
  await expect(resourceRow(page, "typed")).toContainText("Running");
  await expect(resourceRow(page, "typed")).toContainText("2/2");

  await showPanel(page, "en", "diagram");
  const podCard = page.getByTestId("pod-typed");
  await expect(podCard).toBeVisible();
  await expect(podCard).toContainText(/IP 10\.8\.\d+\.\d+/);
  await expect(podCard).toContainText("web");
  await expect(podCard).toContainText("tools");

  const listing = await runKubectl(page, "en", "kubectl get pods");
  expect(listing).toMatch(/typed\s+2\/2\s+Running/);
  const ip = await runKubectl(page, "en", "kubectl exec typed -c tools -- hostname -i");
  expect(ip).toMatch(/10\.8\.\d+\.\d+/);
  const page1 = await runKubectl(page, "en", "k exec typed -c tools -- wget -qO- localhost");
  expect(page1).toContain("Welcome to nginx!");

  // A reload (or a visit next week) resumes: the files and the cluster come back from IndexedDB.
  await page.reload();
  await waitForWorkspace(page, "en");
  await expect(page.getByRole("status").filter({ hasText: "Resumed your work" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "typed.yaml" })).toBeVisible();
  await page.getByRole("tab", { name: "typed.yaml" }).click();
  await expect.poll(() => editorText(page)).toContain("metadata: {name: typed");
  await showPanel(page, "en", "resources");
  await expect(resourceRow(page, "typed")).toContainText("Running");

  expect(foreign(), "requests to hosts other than localhost").toEqual([]);
  expect(errors(), "console errors").toEqual([]);
});

test("a pending pod says why in Korean and its link goes to the line in the editor", async ({ page }) => {
  await openLesson(page, "ko", "one-ip-per-pod");
  await newFile(page, "ko", "picky.yaml");
  await typeLines(page, [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: picky}",
    "spec: {nodeSelector: {disktype: ssd}, containers: [{name: app, image: nginx:1.27}]}",
  ]);
  await apply(page);
  await expect(resourceRow(page, "picky")).toContainText("Pending");
  await showPanel(page, "ko", "why");
  const record = page.locator(".why-record").filter({ hasText: "Pod picky" });
  await expect(record).toContainText(
    "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
  );
  await expect(record).toContainText("nodeSelector가 요구하는 레이블(disktype=ssd)");
  await expect(record).toContainText("spec.nodeSelector[disktype]");
  // The editor has a warning marker on that line, and the link puts the cursor there.
  await expect(page.locator(".monaco-editor .squiggly-warning").first()).toBeAttached();
  await record.getByRole("button", { name: "picky.yaml 4번째 줄로 이동" }).click();
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText("4");
});

test("bad input gets a located message in the learner's language and never freezes the page", async ({
  page,
}) => {
  await openLesson(page, "en", "one-ip-per-pod");
  await newFile(page, "en", "bad.yaml");
  await typeLines(page, [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: bad}",
    "spec: {containers: [{name: a, imagee: nginx}]}",
  ]);
  await apply(page);
  const output = page.getByRole("region", { name: "Apply output" });
  await expect(output).toContainText('strict decoding error: unknown field "spec.containers[0].imagee"');
  await expect(output).toContainText("The API server could not read a field");
  await output.getByRole("button", { name: "Go to bad.yaml, line 4" }).click();
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText("4");
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();

  // More than 1 MB (here pasted into the editor) is refused before it reaches the cluster, and the page says so.
  await pasteIntoEditor(
    page,
    "# a line of padding that makes this file larger than the limit\n".repeat(17_000),
  );
  await apply(page);
  await expect(page.locator(".notice[role=alert]")).toContainText(
    "The simulated cluster accepts at most 1 MB in one apply",
  );
  // A tab in YAML (a common paste accident) is a located syntax error with an explanation.
  await pasteIntoEditor(page, "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: tabbed\n");
  await apply(page);
  await expect(output).toContainText("error converting YAML to JSON");
  await expect(output).toContainText("spaces only, no tabs");
  // The page still answers.
  await showPanel(page, "en", "resources");
});

test("once loaded, the lesson keeps working offline", async ({ page, context }) => {
  await openLesson(page, "en", "one-ip-per-pod");
  // The service worker has taken the page and keeps a copy of it; the assets are in the browser's cache.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          const pages = await caches.open("kubejam-pages-v2");
          return (await pages.keys()).some((r) => r.url.endsWith("/en/lessons/one-ip-per-pod"));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await waitForWorkspace(page, "en");
  await apply(page);
  await expect(resourceRow(page, "web")).toContainText("Running");
  await context.setOffline(false);
});

test("a Run button in the lesson types its command into the terminal", async ({ page }) => {
  await openLesson(page, "en", "one-ip-per-pod");
  await apply(page);
  await expect(resourceRow(page, "web")).toContainText("Running");
  await page
    .getByRole("button", { name: "Run “kubectl exec web -c sidecar -- wget -qO- localhost” in the terminal" })
    .click();
  await expect(page.getByRole("tab", { name: "Terminal" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(".xterm-rows")).toContainText("Welcome to nginx!");
});

test("kubectl help COMMAND in the terminal prints kubectl's own page, then what is not simulated", async ({
  page,
}) => {
  await openLesson(page, "en", "one-ip-per-pod");
  // The page is long: the screen keeps its end (the usage line and the simulation's note).
  const shown = (await runKubectl(page, "en", "kubectl help expose")).replace(/\n/g, "");
  expect(shown).toContain("kubectl expose (-f FILENAME | TYPE NAME) [--port=port]");
  expect(shown).toContain("Not simulated here: --external-ip");
});

test("kubectl exec -it POD -- sh opens a shell in the container: cd and variables carry over, exit leaves it", async ({
  page,
}) => {
  await openLesson(page, "en", "one-ip-per-pod");
  await apply(page);
  await expect(resourceRow(page, "web")).toContainText("Running");
  await runKubectl(page, "en", "kubectl exec -it web -c sidecar -- sh", "/ #");
  await runKubectl(page, "en", 'cd /etc; GREETING="hello there"', "/etc #");
  const greeting = await runKubectl(page, "en", 'echo "$GREETING"', "/etc #");
  expect(greeting).toMatch(/\/etc # echo "\$GREETING"\s+hello there\s+\/etc #/);
  const hostname = await runKubectl(page, "en", "cat hostname", "/etc #");
  expect(hostname).toMatch(/\/etc # cat hostname\s+web\s+\/etc #/);
  // Pipes are the container shell's: the page's own terminal refuses them, this one runs them.
  const title = await runKubectl(page, "en", "wget -qO- localhost | grep title", "/etc #");
  expect(title).toContain("<title>Welcome to nginx!</title>");
  const missing = await runKubectl(page, "en", "cat nope", "/etc #");
  expect(missing).toContain("cat: can't open 'nope': No such file or directory");
  expect(missing).not.toContain("command terminated");
  await runKubectl(page, "en", "exit", "$");
  const pods = await runKubectl(page, "en", "kubectl get pods");
  expect(pods).toMatch(/web\s+2\/2\s+Running/);
  // attach would stream the main process's terminal, which this terminal cannot: it says what to use.
  const attach = await runKubectl(page, "en", "kubectl attach web -c sidecar -it");
  expect(attach.replace(/\n/g, "")).toContain("kubectl attach is not available in this terminal");
});

test("kubectl run -it --rm debug --image=busybox -- sh: a shell in a new pod, deleted on exit", async ({
  page,
}) => {
  await openLesson(page, "en", "one-ip-per-pod");
  const opened = await runKubectl(page, "en", "kubectl run debug -it --rm --image=busybox:1.36 -- sh", "/ #");
  expect(opened).toContain("If you don't see a command prompt, try pressing enter.");
  const name = await runKubectl(page, "en", "hostname", "/ #");
  expect(name).toMatch(/\/ # hostname\s+debug\s+\/ #/);
  const ended = await runKubectl(page, "en", "exit", "$");
  // (xterm wraps the long line at the panel's width: compare without the breaks.)
  expect(ended.replace(/\n/g, "")).toContain(
    "Session ended, resume using 'kubectl attach debug -c debug -i -t' command when the pod is running",
  );
  expect(ended).toContain('pod "debug" deleted');
  const pods = await runKubectl(page, "en", "kubectl get pod debug");
  expect(pods).toContain('Error from server (NotFound): pods "debug" not found');
  // Without --rm the pod stays; its shell ended with the session, so the kubelet started a new one.
  await runKubectl(page, "en", "kubectl run keep -it --image=busybox:1.36 -- sh", "/ #");
  await runKubectl(page, "en", "exit", "$");
  const kept = await runKubectl(page, "en", "kubectl get pod keep");
  expect(kept).toMatch(/keep\s+1\/1\s+Running\s+1 \(/);
});
