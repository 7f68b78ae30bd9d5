import { expect, test } from "@playwright/test";
import { apply, openLesson, resourceRow, runButton } from "../../fixtures/lesson";
import { type LessonReading, testLessonsRead } from "../../fixtures/lesson-reading";

// The networking lessons read in both languages, with their output blocks (fixtures/lesson-reading.ts),
// and their Run buttons do on the page what the text says.

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
] as const satisfies readonly LessonReading[];

testLessonsRead("networking", LESSONS);

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
