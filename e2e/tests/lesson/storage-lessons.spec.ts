import { expect, test } from "@playwright/test";
import { apply, openLesson, resourceRow, runButton } from "../../fixtures/lesson";
import { type LessonReading, testLessonsRead } from "../../fixtures/lesson-reading";

// The storage lessons read in both languages (fixtures/lesson-reading.ts), and their Run buttons do on
// the page what the text says.

const LESSONS = [
  {
    slug: "volumes",
    h1: {
      en: "Volumes: they belong to the pod, not the container",
      ko: "볼륨: 컨테이너가 아니라 파드에 속한다",
    },
    h2: { en: "emptyDir lives exactly as long as the pod", ko: "emptyDir은 파드와 수명이 같다" },
  },
  {
    slug: "operator-and-developer",
    h1: {
      en: "Operator and developer: who owns which part of storage",
      ko: "클러스터 관리자와 애플리케이션 개발자: 누가 스토리지의 어느 부분을 맡는가",
    },
    h2: { en: "Deleting a claim: Delete and Retain", ko: "클레임 삭제: Delete와 Retain" },
  },
] as const satisfies readonly LessonReading[];

testLessonsRead("storage", LESSONS);

test("volumes: a file written in one container is read in another through the Run buttons", async ({
  page,
}) => {
  await openLesson(page, "en", "volumes");
  await apply(page);
  await expect(resourceRow(page, "scratch")).toContainText("Running");
  await runButton(page, "kubectl exec scratch -c writer -- sh -c 'echo hello > /cache/greeting'").click();
  await runButton(page, "kubectl exec scratch -c reader -- cat /in/greeting").first().click();
  await expect(page.getByRole("tab", { name: "Terminal" })).toHaveAttribute("aria-selected", "true");
  // The line the reader printed, alone on its row (the writer's command line also contains "hello").
  await expect(page.locator(".xterm-rows")).toContainText(/(^|\n)hello[\s\u00a0]*(\n|$)/, {
    useInnerText: true,
  });
});

test("volumes: a Run button pressed while a command is running waits for it", async ({ page }) => {
  await openLesson(page, "en", "volumes");
  await apply(page);
  await expect(resourceRow(page, "scratch")).toContainText("Running");
  await page.getByRole("tab", { name: "Terminal" }).click();
  const writer = await runButton(
    page,
    "kubectl exec scratch -c writer -- sh -c 'echo hello > /cache/greeting'",
  ).elementHandle();
  const reader = await runButton(page, "kubectl exec scratch -c reader -- cat /in/greeting")
    .first()
    .elementHandle();
  // The reader pressed one, two and three turns of the event loop after the writer: the first command
  // is still in the worker when the second arrives.
  for (const turns of [1, 2, 3])
    await page.evaluate(
      async ([first, second, n]) => {
        (first as HTMLElement | null)?.click();
        for (let i = 0; i < n; i++)
          await new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          });
        (second as HTMLElement | null)?.click();
      },
      [writer, reader, turns] as const,
    );
  // Each reader's line, then what it printed alone on its row, then the next prompt; before, the
  // writer's closing prompt was drawn in the middle: `$ hello`.
  const read = String.raw`\$ kubectl exec scratch -c reader -- cat /in/greeting[\s\u00a0]*\nhello[\s\u00a0]*\n\$`;
  await expect(page.locator(".xterm-rows")).toContainText(new RegExp(`(${read}[\\s\\S]*){3}`), {
    useInnerText: true,
  });
  await expect(page.locator(".xterm-rows")).not.toContainText("$ hello");
});

test("operator-and-developer: the operator's class is listed after Apply", async ({ page }) => {
  await openLesson(page, "en", "operator-and-developer");
  await apply(page);
  await runButton(page, "kubectl get storageclass").click();
  await expect(page.locator(".xterm-rows")).toContainText(
    /ssd-retain\s+pd\.csi\.storage\.gke\.io\s+Retain\s+WaitForFirstConsumer/,
  );
});
