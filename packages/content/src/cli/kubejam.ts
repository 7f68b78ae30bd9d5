// kubejam: the author CLI. `kubejam content check [--root DIR]` prints every diagnostic and exits 1 on errors.
import { formatDiagnostic } from "../diagnostic";
import { findContentRoot } from "../find-root";
import { loadCourse } from "../load-course";

const USAGE = `usage: kubejam content check [--root DIR]

  content check   load content/ (course.yaml, every lesson's lesson.yaml, MDX bodies and manifests)
                  and print every problem as file:line:column; exit 1 if any is an error
  --root DIR      the content folder (default: the nearest content/ with a course.yaml, upwards from here)
`;

function main(argv: string[]): number {
  const [group, command, ...rest] = argv;
  if (group === "--help" || group === "-h" || group === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (group !== "content" || command !== "check") {
    process.stderr.write(USAGE);
    return 2;
  }
  let root: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--root") root = rest[++i];
    else if (arg?.startsWith("--root=")) root = arg.slice("--root=".length);
    else {
      process.stderr.write(`kubejam: unknown argument "${arg}"\n\n${USAGE}`);
      return 2;
    }
  }
  const dir = root ?? findContentRoot(process.cwd());
  if (!dir) {
    process.stderr.write("kubejam: no content/course.yaml here or in any parent folder; pass --root DIR\n");
    return 2;
  }
  const { course, diagnostics } = loadCourse(dir);
  for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.level === "error").length;
  const warnings = diagnostics.length - errors;
  const lessons = course?.lessons.length ?? 0;
  process.stdout.write(
    `${errors === 0 ? "ok" : "failed"}: ${lessons} lesson${lessons === 1 ? "" : "s"} loaded, ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
  );
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
