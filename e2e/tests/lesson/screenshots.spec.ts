import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { type Locale, newFile, openLesson, pasteIntoEditor, showPanel } from "../../fixtures/lesson";

// Screenshots of the lesson page for people to look at (e2e/screenshots/, not compared by the test).
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "screenshots");

// Beside the storage lesson's starter files (a PersistentVolume and a claim it binds): a pod that mounts the
// claim, a Service in front of it, and a claim for a class that does not exist, so every panel has something.
const EXTRA = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      volumeMounts:
        - name: content
          mountPath: /usr/share/nginx/html
          readOnly: true
  volumes:
    - name: content
      persistentVolumeClaim:
        claimName: web-content
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: fast-data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources:
    requests:
      storage: 1Gi
`;

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const locale of ["ko", "en"] as Locale[]) {
  for (const size of SIZES) {
    test(`screenshot: ${locale} lesson at ${size.name} width`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale,
      });
      const page = await context.newPage();
      await page.goto(`/${locale}/lessons/pv-pvc-storageclass`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-text.png`) });
      await openLesson(page, locale, "pv-pvc-storageclass");
      await newFile(page, locale, "extra.yaml");
      await pasteIntoEditor(page, EXTRA);
      await page.keyboard.press("ControlOrMeta+Enter");
      await expect(
        page.getByRole("tabpanel").getByRole("rowheader", { name: "web", exact: true }).first(),
      ).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-workspace.png`) });
      await showPanel(page, locale, "why");
      await expect(page.locator(".why-record").first()).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-why.png`) });
      await showPanel(page, locale, "diagram");
      await expect(page.getByTestId("pod-web")).toBeVisible();
      await expect(page.getByTestId("service-web")).toBeVisible();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-diagram.png`) });
      await page.getByTestId("claim-fast-data").hover();
      await page.screenshot({ path: path.join(out, `lesson-${locale}-${size.name}-diagram-why.png`) });
      await context.close();
    });
  }
}
