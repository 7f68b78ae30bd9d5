import { expect, type Page, test } from "@playwright/test";
import { exerciseFile } from "../../fixtures/accounts";
import {
  apply,
  editorText,
  openLesson,
  pasteIntoEditor,
  resourceRow,
  waitForWorkspace,
} from "../../fixtures/lesson";

// The grader starts from the exercise's own cluster (claim-ssd: the operator's ssd StorageClass),
// not from the lesson's. The workspace runs that cluster on request, keeps it across a reload, and
// "Reset cluster" goes back to the lesson's.

const LESSON = "pv-pvc-storageclass";
const EXERCISE = "claim-ssd";

/** The workspace the page saved in IndexedDB for a lesson: the exercise it practises on, and its state. */
function saved(page: Page, slug: string): Promise<{ exercise?: string; state?: string } | undefined> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("kubejam");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("workspaces").objectStore("workspaces").get(key);
          read.onerror = () => reject(read.error);
          read.onsuccess = () => resolve(read.result);
        };
      }),
    `lesson:${slug}`,
  );
}

test("a learner practises on the exercise's cluster: the claim the lesson's cluster leaves Pending binds", async ({
  page,
}) => {
  await openLesson(page, "en", LESSON);
  const panel = page.locator(`[data-exercise="${EXERCISE}"]`);
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Open the exercise's files" }).click();
  await pasteIntoEditor(page, exerciseFile(EXERCISE, "solution/web.yaml"));
  await page.getByRole("tab", { name: "claim.yaml", exact: true }).click();
  const claim = exerciseFile(EXERCISE, "solution/claim.yaml");
  await pasteIntoEditor(page, claim);
  await expect.poll(() => editorText(page)).toBe(claim.replace(/\n$/, ""));

  // The lesson's cluster has no ssd class: the right answer waits there.
  await apply(page);
  await expect(resourceRow(page, "pages")).toContainText("Pending");

  const practise = panel.getByRole("button", { name: "Practice on the exercise's cluster" });
  page.once("dialog", (dialog) => void dialog.accept());
  await practise.click();
  await expect(panel.getByText("The workspace runs this exercise's cluster")).toBeVisible();
  await expect(page.getByText("The workspace now runs the exercise's cluster.")).toBeVisible();
  await expect(page.locator(".toolbar .cluster-badge")).toHaveText("Exercise's cluster");
  // A new cluster: the claim applied to the lesson's is gone, the operator's class is there.
  await expect(resourceRow(page, "pages")).toHaveCount(0);
  await expect(resourceRow(page, "ssd")).toContainText("pd.csi.storage.gke.io");

  await apply(page);
  await expect(resourceRow(page, "pages")).toContainText("Bound");
  await expect(resourceRow(page, "pages")).toContainText("ssd");

  // The workspace keeps the exercise's cluster across a reload, once it has saved it.
  await expect
    .poll(async () => {
      const s = await saved(page, LESSON);
      return s?.exercise === EXERCISE && s.state?.includes('"name":"pages"') === true;
    })
    .toBe(true);
  await page.reload();
  await waitForWorkspace(page, "en");
  await expect(panel.getByText("The workspace runs this exercise's cluster")).toBeVisible();
  await expect(resourceRow(page, "pages")).toContainText("Bound");

  // "Reset cluster" goes back to the lesson's cluster.
  await page.getByRole("button", { name: "Reset cluster" }).click();
  await expect(practise).toBeVisible();
  await expect(page.locator(".toolbar .cluster-badge")).toHaveCount(0);
  await expect(resourceRow(page, "ssd")).toHaveCount(0);
});
