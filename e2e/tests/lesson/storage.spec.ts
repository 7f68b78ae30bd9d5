import { expect, type Page, test } from "@playwright/test";
import {
  apply,
  type Locale,
  newFile,
  openLesson,
  pasteIntoEditor,
  resourceRow,
  showPanel,
  typeLines,
} from "../../fixtures/lesson";
import { trackErrors, trackForeignRequests } from "../../fixtures/network";
import { runKubectl } from "../../fixtures/terminal";

// The storage lesson in both languages: a claim typed in Monaco binds (a disk is provisioned for it),
// a claim for a class that does not exist stays Pending and says why, a pod writes to its volume.

const CLAIMS = [
  "apiVersion: v1",
  "kind: PersistentVolumeClaim",
  "metadata: {name: typed}",
  "spec: {accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: 1Gi}}}",
  "---",
  "apiVersion: v1",
  "kind: PersistentVolumeClaim",
  "metadata: {name: fast-data}",
  "spec: {accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 1Gi}}}",
];

const WRITER = `apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo hello from the disk > /data/hello.txt; sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: typed
`;

const TEXT = {
  en: {
    explanation: "The claim asks for the StorageClass fast, which does not exist",
    link: "Go to claims.yaml, line 9",
  },
  ko: {
    explanation: "클레임이 요구하는 스토리지클래스 fast이(가) 없어서",
    link: "claims.yaml 9번째 줄로 이동",
  },
} as const;

/** The diagram card of an object and its React Flow node (the focusable wrapper that holds the tooltip). */
function card(page: Page, testId: string) {
  const inner = page.getByTestId(testId);
  return { inner, node: page.locator(".react-flow__node").filter({ has: inner }) };
}

for (const locale of ["en", "ko"] as Locale[]) {
  test(`${locale}: a typed claim binds and shows in the list and the diagram; a claim for a missing class says why`, async ({
    page,
  }) => {
    const foreign = trackForeignRequests(page);
    const errors = trackErrors(page);
    await openLesson(page, locale, "pv-pvc-storageclass");
    await newFile(page, locale, "claims.yaml");
    await typeLines(page, CLAIMS);
    await newFile(page, locale, "writer.yaml");
    await pasteIntoEditor(page, WRITER);
    await apply(page);

    await expect(resourceRow(page, "typed")).toContainText("Bound");
    await expect(resourceRow(page, "web-content")).toContainText("Bound");
    await expect(resourceRow(page, "fast-data")).toContainText("Pending");
    await expect(resourceRow(page, "writer")).toContainText("Running");

    // The why list: the engine's words, the explanation in the learner's language, the field and its line.
    await showPanel(page, locale, "why");
    const record = page.locator(".why-record").filter({ hasText: "PersistentVolumeClaim fast-data" });
    await expect(record).toContainText('storageclass.storage.k8s.io "fast" not found');
    await expect(record).toContainText(TEXT[locale].explanation);
    await expect(record).toContainText("spec.storageClassName");
    await record.getByRole("button", { name: TEXT[locale].link }).click();
    await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText("9");

    // The diagram: the bound claim, its volume and class; the pending claim looks different and says why.
    await showPanel(page, locale, "diagram");
    const typed = card(page, "claim-typed");
    await expect(typed.inner).toContainText("Bound");
    await expect(typed.inner).toHaveClass(/health-ok/);
    await expect(page.locator('[data-testid^="pv-pvc-"]')).toContainText("Bound");
    await expect(page.getByTestId("pod-writer")).toContainText("/data");
    await expect(page.locator(".react-flow__edge.edge-uses-claim")).toHaveCount(1);
    const pending = card(page, "claim-fast-data");
    await expect(pending.inner).toHaveClass(/health-pending/);
    // Its why, at full size over the diagram, on hover and on keyboard focus.
    const tip = page.locator(".diagram-why");
    await expect(tip).toHaveCount(0);
    await pending.node.hover();
    await expect(tip).toContainText("PersistentVolumeClaim fast-data");
    await expect(tip).toContainText(TEXT[locale].explanation);
    await page.mouse.move(1, 1);
    await expect(tip).toHaveCount(0);
    await pending.node.focus();
    await expect(tip).toContainText(TEXT[locale].explanation);
    await pending.node.blur();

    const claims = await runKubectl(page, locale, "kubectl get pvc");
    expect(claims).toMatch(/typed\s+Bound\s+pvc-/);
    expect(claims).toMatch(/fast-data\s+Pending/);
    const file = await runKubectl(page, locale, "kubectl exec writer -- cat /data/hello.txt");
    expect(file).toContain("hello from the disk");
    const why = await runKubectl(page, locale, "why pvc/fast-data");
    expect(why).toContain("names a StorageClass that does not exist");

    expect(foreign(), "requests to hosts other than localhost").toEqual([]);
    expect(errors(), "console errors").toEqual([]);
  });
}
