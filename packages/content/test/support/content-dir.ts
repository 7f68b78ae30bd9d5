// Content folders for the loader's tests: written to a temporary directory from a map of paths.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Writes a content folder from a map of relative paths to file contents; returns its root. */
export function contentDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kubejam-content-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A course of one module holding the lesson `l1`. */
export const ONE_LESSON_COURSE = `id: c
title: { ko: 과정, en: Course }
summary: { ko: 요약, en: Summary }
modules:
  - id: m
    title: { ko: 모듈, en: Module }
    lessons: [l1]
`;
