import { describe, expect, it } from "vitest";
import { contentDir, ONE_LESSON_COURSE } from "../test/support/content-dir";
import { formatDiagnostic } from "./diagnostic";
import { loadCourse } from "./load-course";
import { verifyExercise } from "./verify-exercise";

// Exercises in content/: loaded with located diagnostics, attached to the lesson that lists them,
// and held to their own answers (starter fails, solution passes, wrong answers fail their checks).

const COURSE = ONE_LESSON_COURSE;
const LESSON = `title: { ko: 레슨, en: Lesson }
summary: { ko: 요약, en: Summary }
minutes: 10
exercises: [run-nginx]
`;
const BODY = "## Hi\n";
const EXERCISE = `title: { ko: nginx 실행, en: Run nginx }
summary: { ko: 파드 하나, en: One pod }
starter: [starter/pod.yaml]
solution: [solution/pod.yaml]
wrong:
  - id: busybox
    files: [wrong/busybox/pod.yaml]
    fails: [serves]
checks:
  - id: serves
    title: { ko: nginx가 응답합니다, en: nginx answers }
    failure: { ko: 응답이 없습니다., en: No answer }
    hint: { ko: 이미지를 확인하십시오., en: Check the image }
    expect:
      kubectl: exec web -- curl -s http://localhost
      contains: Welcome to nginx!
`;
const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers: [{ name: a, image: "${image}", command: ${image.startsWith("busybox") ? '["sleep", "3600"]' : "null"} }]\n`.replace(
    ", command: null",
    "",
  );

const good = (): Record<string, string> => ({
  "course.yaml": COURSE,
  "lessons/l1/lesson.yaml": LESSON,
  "lessons/l1/index.ko.mdx": BODY,
  "lessons/l1/index.en.mdx": BODY,
  "exercises/run-nginx/exercise.yaml": EXERCISE,
  "exercises/run-nginx/prompt.ko.mdx": "nginx 파드를 만든다.\n",
  "exercises/run-nginx/prompt.en.mdx": "Make an nginx pod.\n",
  "exercises/run-nginx/starter/pod.yaml": pod("busybox:1.36"),
  "exercises/run-nginx/solution/pod.yaml": pod("nginx:1.27"),
  "exercises/run-nginx/wrong/busybox/pod.yaml": pod("busybox:1.36"),
});

describe("exercises in content/", () => {
  it("loads an exercise into its lesson, files named as the editor shows them, with a version", () => {
    const root = contentDir(good());
    const { course, diagnostics } = loadCourse(root);
    expect(diagnostics).toEqual([]);
    expect(course?.lessons[0]?.exercises).toEqual(["run-nginx"]);
    const e = course?.exercises[0];
    expect(e?.lesson).toBe("l1");
    expect(e?.starter.map((f) => f.name)).toEqual(["pod.yaml"]);
    expect(e?.version).toMatch(/^[0-9a-f]{64}$/);
    expect(e && verifyExercise(root, e)).toEqual([]);
  });

  it.each([
    {
      id: "e-1",
      story: "a lesson lists an exercise that has no folder",
      change: (f: Record<string, string>) => {
        f["lessons/l1/lesson.yaml"] = LESSON.replace("[run-nginx]", "[run-nginx, run-redis]");
      },
      expected: [
        "lessons/l1/lesson.yaml:4:24: error [unknown-exercise] there is no folder exercises/run-redis (at exercises[1])",
      ],
    },
    {
      id: "e-2",
      story: "a file the exercise names is missing, located at the list entry",
      change: (f: Record<string, string>) => {
        delete f["exercises/run-nginx/solution/pod.yaml"];
      },
      expected: [
        "exercises/run-nginx/exercise.yaml:4:12: error [missing-file] exercises/run-nginx/solution/pod.yaml does not exist (at solution[0])",
      ],
    },
    {
      id: "e-3",
      story: "a wrong answer names a check that does not exist",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/exercise.yaml"] = EXERCISE.replace("fails: [serves]", "fails: [serve]");
      },
      expected: [
        'exercises/run-nginx/exercise.yaml:8:13: error [unknown-check] there is no check "serve" (checks: serves) (at wrong[0].fails[0])',
      ],
    },
    {
      id: "e-4",
      story: "an unknown field in a check is located at the key",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/exercise.yaml"] = EXERCISE.replace(
          "    hint:",
          "    hnit: { ko: x, en: x }\n    hint:",
        );
      },
      expected: [
        'exercises/run-nginx/exercise.yaml:13:5: error [schema] unknown field "hnit" (at checks[0].hnit)',
      ],
    },
    {
      id: "e-4b",
      story: "grading feedback in 평어체 or 해요체 is a located warning (the glossary wants 합니다체)",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/exercise.yaml"] = EXERCISE.replace("응답이 없습니다.", "응답이 없다.").replace(
          "이미지를 확인하십시오.",
          "이미지를 확인하세요.",
        );
      },
      expected: [
        'exercises/run-nginx/exercise.yaml:12:16: warning [korean-register] grading feedback speaks 합니다체 (-합니다, -하십시오), not "응답이 없다." (at checks[0].failure.ko)',
        'exercises/run-nginx/exercise.yaml:13:13: warning [korean-register] grading feedback speaks 합니다체 (-합니다, -하십시오), not "이미지를 확인하세요." (at checks[0].hint.ko)',
      ],
    },
    {
      id: "e-5",
      story: "the Korean prompt is missing",
      change: (f: Record<string, string>) => {
        delete f["exercises/run-nginx/prompt.ko.mdx"];
      },
      expected: ["exercises/run-nginx/prompt.ko.mdx: error [missing-file] the ko prompt is missing"],
    },
    {
      id: "e-6",
      story: "a starter file is not YAML a cluster accepts",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/starter/pod.yaml"] = "kind: Pod\n\tmetadata: {}\n";
      },
      expected: [
        expect.stringMatching(/^exercises\/run-nginx\/starter\/pod\.yaml:2:1: error \[manifest-syntax\]/),
      ],
    },
    {
      id: "e-7",
      story: "an exercise folder no lesson lists is a warning",
      change: (f: Record<string, string>) => {
        f["exercises/spare/exercise.yaml"] = EXERCISE;
      },
      expected: [
        "exercises/spare: warning [orphan-exercise] exercises/spare is not listed in any lesson.yaml, so learners never see it",
      ],
    },
  ])("$id: $story", ({ change, expected }) => {
    const files = good();
    change(files);
    const { diagnostics } = loadCourse(contentDir(files));
    expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
  });

  it.each([
    {
      id: "v-1",
      story: "a solution that fails is reported at `solution`, with the check and what was seen",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/solution/pod.yaml"] = pod("busybox:1.36");
      },
      expected: [
        expect.stringMatching(
          /^exercises\/run-nginx\/exercise.yaml:4:1: error \[exercise-verify\] the solution fails serves \(/,
        ),
      ],
    },
    {
      id: "v-2",
      story: "a starter that already passes",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/starter/pod.yaml"] = pod("nginx:1.27");
      },
      expected: [
        "exercises/run-nginx/exercise.yaml:3:1: error [exercise-verify] the starter files already pass every check: there is nothing to do (at starter)",
      ],
    },
    {
      id: "v-3",
      story: "a wrong answer that passes the check it should fail",
      change: (f: Record<string, string>) => {
        f["exercises/run-nginx/wrong/busybox/pod.yaml"] = pod("nginx:1.27");
      },
      expected: [
        'exercises/run-nginx/exercise.yaml:8:13: error [exercise-verify] the wrong answer "busybox" passes the check "serves" it should fail (at wrong[0].fails[0])',
      ],
    },
  ])("$id: $story", ({ change, expected }) => {
    const files = good();
    change(files);
    const root = contentDir(files);
    const { course, diagnostics } = loadCourse(root);
    expect(diagnostics).toEqual([]);
    const exercise = course?.exercises[0];
    if (!exercise) throw new Error("no exercise");
    expect(verifyExercise(root, exercise).map(formatDiagnostic)).toEqual(expected);
  });
});
