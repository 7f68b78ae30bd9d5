import { describe, expect, it } from "vitest";
import { contentDir, ONE_LESSON_COURSE } from "../test/support/content-dir";
import { formatDiagnostic } from "./diagnostic";
import { loadCourse } from "./load-course";

const COURSE = ONE_LESSON_COURSE;
const LESSON = `title: { ko: 레슨, en: Lesson }
summary: { ko: 요약, en: Summary }
minutes: 10
manifests:
  - file: pod.yaml
    starter: true
`;
const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n";
const BODY = '## Hi\n\n<Manifest file="pod.yaml" />\n';

const good = () => ({
  "course.yaml": COURSE,
  "lessons/l1/lesson.yaml": LESSON,
  "lessons/l1/pod.yaml": POD,
  "lessons/l1/index.ko.mdx": BODY,
  "lessons/l1/index.en.mdx": BODY,
});

describe("loadCourse", () => {
  it("loads a good course with no diagnostics", () => {
    const { course, diagnostics } = loadCourse(contentDir(good()));
    expect(diagnostics).toEqual([]);
    expect(course?.lessons.map((l) => [l.slug, l.moduleId, l.manifests[0]?.starter])).toEqual([
      ["l1", "m", true],
    ]);
    expect(course?.lessons[0]?.body.en).toContain("<Manifest");
  });

  it.each([
    {
      id: "1-1",
      story: "a missing translation is located at the field in course.yaml",
      files: { "course.yaml": COURSE.replace("{ ko: 과정, en: Course }", "{ en: Course }") },
      expected:
        "course.yaml:2:1: error [schema] Invalid input: expected string, received undefined (at title.ko)",
    },
    {
      id: "1-2",
      story: "an unknown key is reported at the key itself",
      files: { "lessons/l1/lesson.yaml": `${LESSON}autor: me\n` },
      expected: 'lessons/l1/lesson.yaml:7:1: error [schema] unknown field "autor" (at autor)',
    },
    {
      id: "1-3",
      story: "a lesson listed in the course without a folder",
      files: { "course.yaml": COURSE.replace("[l1]", "[l1, l2]") },
      expected:
        "course.yaml:7:19: error [unknown-lesson] there is no folder lessons/l2 (at modules[0].lessons[1])",
    },
    {
      id: "1-4",
      story: "a manifest file listed but absent",
      files: { "lessons/l1/lesson.yaml": LESSON.replace("pod.yaml", "nope.yaml") },
      expected:
        "lessons/l1/lesson.yaml:5:5: error [missing-file] lessons/l1/nope.yaml does not exist (at manifests[0].file)",
    },
    {
      id: "1-5",
      story: "a YAML syntax error in a manifest, at its line",
      files: { "lessons/l1/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [p\n" },
      expected: "lessons/l1/pod.yaml:",
    },
    {
      id: "1-6",
      story: "a <Manifest> naming a file the lesson does not list",
      files: { "lessons/l1/index.en.mdx": '## Hi\n\n<Manifest file="other.yaml" />\n' },
      expected:
        'lessons/l1/index.en.mdx:3:1: error [missing-file] <Manifest file="other.yaml"> names a file that lesson.yaml does not list under manifests',
    },
    {
      id: "1-7",
      story: "an unknown component",
      files: { "lessons/l1/index.ko.mdx": '## Hi\n\n<Manifest file="pod.yaml" />\n<Quiz />\n' },
      expected: "lessons/l1/index.ko.mdx:4:1: error [mdx-component] unknown component <Quiz>",
    },
    {
      id: "1-8",
      story: "an MDX syntax error with its position",
      files: {
        "lessons/l1/index.ko.mdx": '## Hi\n\n<Manifest file="pod.yaml" />\n\n<Callout type="note">\n',
      },
      expected: "lessons/l1/index.ko.mdx:",
    },
    {
      id: "1-9",
      story: "a callout of an unknown type",
      files: { "lessons/l1/index.en.mdx": `${BODY}\n<Callout type="danger">x</Callout>\n` },
      expected:
        'lessons/l1/index.en.mdx:5:1: error [mdx-component] <Callout> needs type="note", "warning" or "tip"',
    },
    {
      id: "1-10",
      story: "imports are refused",
      files: { "lessons/l1/index.en.mdx": `import x from "y"\n\n${BODY}` },
      expected: "lessons/l1/index.en.mdx:1:1: error [mdx-esm]",
    },
  ])("$id $story", ({ files, expected }) => {
    const { diagnostics } = loadCourse(contentDir({ ...good(), ...files }));
    const printed = diagnostics.map(formatDiagnostic);
    expect(
      printed.some((line) => line.startsWith(expected)),
      printed.join("\n"),
    ).toBe(true);
    expect(diagnostics.some((d) => d.level === "error")).toBe(true);
  });

  it("reports every problem, not just the first", () => {
    const { diagnostics } = loadCourse(
      contentDir({
        ...good(),
        "lessons/l1/index.en.mdx": "<Quiz />\n<Poll />\n",
        "lessons/stray/lesson.yaml": LESSON,
      }),
    );
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      "lessons/l1/index.en.mdx mdx-component",
      "lessons/l1/index.en.mdx mdx-component",
      "lessons/l1/index.ko.mdx parallel-lines",
      "lessons/l1/index.ko.mdx parallel-manifests",
      "lessons/stray orphan-lesson",
    ]);
  });

  it("warns about kinds the simulated cluster does not serve, with the line of `kind`", () => {
    const { diagnostics } = loadCourse(
      contentDir({
        ...good(),
        "lessons/l1/pod.yaml": "apiVersion: v1\nkind: PersistentVolumenClaim\nmetadata:\n  name: x\n",
      }),
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'lessons/l1/pod.yaml:2:1: warning [manifest-kind] the simulated cluster does not serve kind "PersistentVolumenClaim" yet: learners will see kubectl\'s "no matches for kind" error (at kind)',
    ]);
  });
});
