import { expect, test } from "@playwright/test";
import { trackErrors, trackForeignRequests } from "../../fixtures/network";

test("the first visit picks the language from Accept-Language", async ({ browser }) => {
  for (const [acceptLanguage, locale] of [
    ["en-US,en;q=0.9", "en"],
    ["ko-KR,ko;q=0.9,en;q=0.8", "ko"],
  ] as const) {
    const context = await browser.newContext({
      locale: acceptLanguage.split(",")[0],
      extraHTTPHeaders: { "Accept-Language": acceptLanguage },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await context.close();
  }
});

test("the landing page lists the course in the chosen language and talks to no other host", async ({
  page,
}) => {
  const foreign = trackForeignRequests(page);
  const errors = trackErrors(page);
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1, name: "GKE networking and storage" })).toBeVisible();
  await expect(page.getByRole("link", { name: /One IP per pod/ })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /PersistentVolume, PersistentVolumeClaim and StorageClass/ }),
  ).toBeVisible();
  await page.getByRole("link", { name: "한국어" }).click();
  await expect(page).toHaveURL(/\/ko$/);
  await expect(page.getByRole("heading", { level: 1, name: "GKE 네트워킹과 스토리지" })).toBeVisible();
  await expect(page.getByRole("link", { name: /파드 하나에 IP 하나/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(foreign(), "requests to hosts other than localhost").toEqual([]);
  expect(errors(), "console errors").toEqual([]);
});
