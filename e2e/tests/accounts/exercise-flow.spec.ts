import { expect, test } from "@playwright/test";
import { exerciseFile, fillSignUp, newLearner, signUp } from "../../fixtures/accounts";
import { apply, editorText, openLesson, pasteIntoEditor, waitForWorkspace } from "../../fixtures/lesson";

const LESSON = "pv-pvc-storageclass";
const EXERCISE = "claim-ssd";

test("sign up from the lesson keeping the work, submit a wrong answer, follow the feedback, pass, see progress", async ({
  page,
}) => {
  const learner = newLearner("Ada");
  await openLesson(page, "en", LESSON);
  const panel = page.locator(`[data-exercise="${EXERCISE}"]`);
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole("heading", { name: /^Exercise: / })).toBeVisible();

  // Put the exercise's files in the editor: web.yaml as the solution has it, claim.yaml wrong (no ssd class).
  await panel.getByRole("button", { name: "Open the exercise's files" }).click();
  await expect(page.getByRole("tab", { name: "web.yaml", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await pasteIntoEditor(page, exerciseFile(EXERCISE, "solution/web.yaml"));
  await page.getByRole("tab", { name: "claim.yaml", exact: true }).click();
  const wrongClaim = exerciseFile(EXERCISE, "wrong/standard-class/claim.yaml");
  await pasteIntoEditor(page, wrongClaim);
  await expect.poll(() => editorText(page)).toBe(wrongClaim.replace(/\n$/, ""));
  await apply(page);

  // Signed out, the panel invites to sign up; the work stays in the browser across the detour.
  await panel.getByRole("link", { name: "Sign up to submit" }).click();
  await fillSignUp(page, learner);
  await page.waitForURL(new RegExp(`/en/lessons/${LESSON}`));
  await waitForWorkspace(page, "en");
  await page.getByRole("tab", { name: "claim.yaml", exact: true }).click();
  await expect.poll(() => editorText(page)).toBe(wrongClaim.replace(/\n$/, ""));

  // Submit: the server grades it and says which check failed, with the hint, the why and the line.
  await expect(panel.getByText("Not attempted yet.")).toBeVisible();
  await panel.getByRole("button", { name: "Submit for grading" }).click();
  await expect(panel.getByRole("heading", { name: /^Not yet: \d+\/100$/ })).toBeVisible();
  const failed = panel.locator('[data-check="claim-bound-ssd"]');
  await expect(failed).toHaveAttribute("data-status", "fail");
  await expect(failed).toContainText("is not Bound to a PersistentVolume of the ssd StorageClass");
  await expect(failed).toContainText("storageClassName");
  await failed.getByText("Why, says the cluster (pvc/pages)").click();
  await expect(failed.locator("pre")).toContainText('spec.storageClassName: "standard-rwo"');
  await expect(panel.locator('[data-check="mounted-in-nginx"]')).toHaveAttribute("data-status", "pass");
  await expect(panel.getByText(/^Best score \d+\/100 · 1 attempt$/)).toBeVisible();

  // The check's link moves the editor to the claim's document.
  await page.getByRole("tab", { name: "web.yaml", exact: true }).click();
  const showLine = failed.getByRole("button", { name: /^Show claim\.yaml, line \d+/ });
  const line = Number(/line (\d+)/.exec((await showLine.textContent()) ?? "")?.[1]);
  await showLine.click();
  await expect(page.getByRole("tab", { name: "claim.yaml", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText(String(line));

  // Fix it as the hint says, submit again: every check passes.
  await pasteIntoEditor(page, exerciseFile(EXERCISE, "solution/claim.yaml"));
  await panel.getByRole("button", { name: "Submit for grading" }).click();
  await expect(panel.getByRole("heading", { name: "Passed: 100/100" })).toBeVisible();
  await expect(panel.locator('[data-check][data-status="fail"]')).toHaveCount(0);
  await expect(panel.getByText("Best score 100/100 · 2 attempts")).toBeVisible();

  // The progress page and the course page know.
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "My progress" }).click();
  await expect(page.getByRole("heading", { name: "My progress" })).toBeVisible();
  const row = page.locator(`tr[data-exercise="${EXERCISE}"]`);
  await expect(row).toContainText("100/100");
  await expect(row.locator("td").nth(2)).toHaveText("2");
  await expect(row).toContainText("Passed");
  await page.goto("/en");
  await expect(page.locator(`li[data-exercise="${EXERCISE}"] [data-done="exercise"]`)).toBeVisible();
});

test("a learner sees only their own progress, cannot open the instructor page, and signs out", async ({
  page,
}) => {
  const signedOut = await page.goto("/en/progress");
  expect(signedOut?.url()).toContain("/en/sign-in");
  const learner = newLearner("Bob");
  await signUp(page, learner);
  await page.goto("/en/progress");
  await expect(page.getByTestId("progress-summary")).toHaveText(/^0 of \d+ exercises passed\.$/);
  // A lesson is done when the learner says so (or passes all its exercises); the visit counts as activity.
  await page.goto("/en/lessons/vpc-native");
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await expect(page.getByText("You marked this lesson as done.")).toBeVisible();
  await page.goto("/en/progress");
  const lessonRow = page.locator('tr:has(th[data-lesson="vpc-native"])');
  await expect(lessonRow).toContainText("Done");
  await expect(lessonRow.locator("td").last()).not.toHaveText("—");
  const instructor = await page.goto("/en/instructor");
  expect(instructor?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Instructors only" })).toBeVisible();
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(
    page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
});

test("sign-in says clearly when the password is wrong, in Korean too", async ({ page }) => {
  const learner = newLearner("Cy");
  await signUp(page, learner);
  const account = page.getByRole("navigation", { name: "Account" });
  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/ko/sign-in");
  await page.getByLabel("이메일").fill(learner.email);
  await page.getByLabel("비밀번호").fill("not the password");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.locator("main form").getByRole("alert")).toHaveText("이메일 또는 비밀번호가 틀렸습니다.");
});
