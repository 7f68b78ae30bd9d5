import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { apply, type Locale, openLesson, resourceRow } from "../../fixtures/lesson";

// The networking lessons render in both languages, with their output blocks, and their Run buttons do on
// the page what the text says. Full-page screenshots go to e2e/screenshots/ for people to look at.
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "screenshots");

const LESSONS = [
  {
    slug: "pod-to-pod",
    h1: { en: "Pod to pod: on one node and across nodes", ko: "파드에서 파드로: 같은 노드, 다른 노드" },
    h2: { en: "The server sees who asked", ko: "서버는 누가 물었는지 안다" },
    output: "10.8.0.1 dev eth0 scope link",
  },
  {
    slug: "vpc-native",
    h1: {
      en: "VPC-native clusters: address ranges for nodes, pods and Services",
      ko: "VPC 기반 클러스터: 노드, 파드, 서비스의 주소 범위",
    },
    h2: {
      en: "Max pods per node sets the size of the range",
      ko: "노드당 최대 파드 수가 범위 크기를 정한다",
    },
    output: "PODCIDR",
  },
  {
    slug: "services",
    h1: {
      en: "Services: one address and one name for a set of pods",
      ko: "서비스: 파드 묶음에 주소 하나, 이름 하나",
    },
    h2: { en: "Load balancing over the replicas", ko: "레플리카 사이의 로드 밸런싱" },
    output: "web.default.svc.cluster.local",
  },
  {
    slug: "nodeport-loadbalancer",
    h1: {
      en: "NodePort and LoadBalancer: Services from outside the cluster",
      ko: "NodePort와 LoadBalancer: 서비스를 클러스터 밖으로",
    },
    h2: { en: "Load balancing, stage by stage", ko: "단계별로 본 로드 밸런싱" },
    output: "<pending>",
  },
] as const;

const runButton = (page: Page, command: string) =>
  page.getByRole("button", { name: `Run “${command}” in the terminal` });

for (const lesson of LESSONS) {
  for (const locale of ["ko", "en"] as Locale[]) {
    test(`${lesson.slug} reads in ${locale}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/${locale}/lessons/${lesson.slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.h1[locale]);
      await expect(page.getByRole("heading", { level: 2, name: lesson.h2[locale] })).toBeVisible();
      // Output blocks are shown as printed, with no markup in the way.
      await expect(page.locator(".code pre", { hasText: lesson.output }).first()).toBeVisible();
      await page.screenshot({
        path: path.join(out, `networking-${lesson.slug}-${locale}.png`),
        fullPage: true,
      });
    });
  }
}

test("pod-to-pod: the Run buttons show a pod's one way out, and re-create a deleted pod", async ({
  page,
}) => {
  await openLesson(page, "en", "pod-to-pod");
  await apply(page);
  await expect(resourceRow(page, "far")).toContainText("Running");
  await runButton(page, "kubectl exec near -- ip route").click();
  await expect(page.locator(".xterm-rows")).toContainText("default via 10.8.0.1 dev eth0");
  await runButton(page, "kubectl delete pod far").click();
  await expect(page.locator(".xterm-rows")).toContainText('pod "far" deleted');
  await runButton(page, "kubectl apply -f clients.yaml").click();
  await expect(page.locator(".xterm-rows")).toContainText("pod/far created");
});
