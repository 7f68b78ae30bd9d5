import { expect, test } from "@playwright/test";
import { openLesson } from "../../fixtures/lesson";

test("a lesson reads in Korean, and the switcher keeps the page in English", async ({ page }) => {
  await openLesson(page, "ko", "one-ip-per-pod");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "파드 하나에 IP 하나: 컨테이너는 네트워크 네임스페이스를 공유한다",
  );
  await expect(page.getByRole("heading", { level: 2, name: "목적" })).toBeVisible();
  await expect(page.getByRole("button", { name: "적용" })).toBeVisible();
  await expect(page.getByText("참고", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/lessons\/one-ip-per-pod$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "One IP per pod: containers share a network namespace",
  );
  await expect(page.getByRole("heading", { level: 2, name: "Objectives" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply" })).toBeVisible();
});

test("the storage lesson reads in both languages", async ({ page }) => {
  await page.goto("/en/lessons/pv-pvc-storageclass");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "PersistentVolume, PersistentVolumeClaim and StorageClass",
  );
  await expect(
    page.getByRole("heading", { level: 2, name: "WaitForFirstConsumer: Pending on purpose" }),
  ).toBeVisible();
  await page.goto("/ko/lessons/pv-pvc-storageclass");
  await expect(
    page.getByRole("heading", { level: 2, name: "반환 정책: 클레임을 삭제하면 어떻게 되나" }),
  ).toBeVisible();
});
