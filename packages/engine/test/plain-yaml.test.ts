import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { readPlainYaml } from "../src/parse/plain-yaml";

// The fast reader must give exactly what the `yaml` package gives (values, key order, document
// count), or give up. Compared on every manifest in the repository and on generated texts.

/** What parse-manifests would take from the `yaml` package: each document's value, or undefined on an error. */
function viaYaml(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  return list.map((d) => d.toJS({ maxAliasCount: 100 }) ?? null);
}

/** JSON with the types JSON would blur spelled out. */
function exact(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "number" ? `number:${v}` : v));
}

let accepted = 0;

function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return true;
  accepted++;
  const slow = viaYaml(text);
  if (slow === undefined) return false;
  return exact(fast) === exact(slow);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (f === "node_modules" || f.startsWith(".")) return [];
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(f) && f !== "pnpm-lock.yaml" && f !== "pnpm-workspace.yaml" ? [full] : [];
  });
}

describe("readPlainYaml", () => {
  it("reads every manifest in the repository as the yaml package does, or leaves it to it", () => {
    const root = join(import.meta.dirname, "..", "..", "..");
    const files = [...yamlFiles(join(root, "content")), ...yamlFiles(join(root, "packages"))];
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(agrees(text), file).toBe(true);
      if (readPlainYaml(text) !== undefined) fast++;
    }
    // Most manifests are plain: the fast path must be the one that usually runs.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it("gives the usual manifest's values", () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: web, labels: { app: web } }\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    command: ["sh", "-c", \'echo hi\']\n    ports: [{ containerPort: 80 }]\n  restartPolicy: Always # comment\n---\n';
    expect(readPlainYaml(text)).toEqual([
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web", labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "app",
              image: "nginx:1.27",
              command: ["sh", "-c", "echo hi"],
              ports: [{ containerPort: 80 }],
            },
          ],
          restartPolicy: "Always",
        },
      },
      null,
    ]);
  });

  it.each([
    ["an anchor", "a: &x 1\nb: *x\n"],
    ["a float", "a: 1.0\n"],
    ["a block scalar", "a: |\n  x\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["an escape", 'a: "x\\ny"\n'],
    ["a tab", "a:\t1\n"],
    ["a multi-line scalar", "a: x\n  y\n"],
    ["a multi-line flow collection", "a: [1,\n  2]\n"],
    ["a null key", "null: 1\n"],
    ["a tag", "a: !!str 1\n"],
  ])("leaves %s to the yaml package", (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  const pieces = fc.constantFrom(
    "a",
    "b",
    "app.kubernetes.io/name",
    "nginx:1.27",
    "http://web:80/x",
    "1",
    "0",
    "007",
    "-1",
    "1.5",
    "0x1f",
    "1e3",
    ".inf",
    "~",
    "null",
    "Null",
    "true",
    "False",
    "yes",
    "'q'",
    "'it''s'",
    '"d"',
    '"e\\n"',
    "a b",
    "a #c",
    "a#c",
    "a: b",
    "[]",
    "{}",
    "[a, 1]",
    "[a, 1,]",
    "{a: 1, b: [x]}",
    "{a:1}",
    "[a: 1]",
    "&x a",
    "*x",
    "!t a",
    "|",
    ">-",
    "-",
    "- a",
    "?",
    "it's",
    "1Gi",
    "500Mi",
    "-c",
    "--x",
    "+1",
    ".5",
    "-.inf",
    "+.5e3",
    "1_000",
    "0o7",
    "0o8",
    "1.2.3",
    "0x",
    "1e",
    "~x",
    "",
  );
  const line = fc
    .tuple(
      fc.constantFrom(0, 0, 1, 2, 2, 4),
      fc.constantFrom("", "", "- ", "-  ", "- - "),
      fc.option(fc.constantFrom("a", "b", "c", "spec", "'k'", '"k k"', "8080", "true", "a b", "<<"), {
        nil: undefined,
      }),
      pieces,
      fc.constantFrom("", "", " # note", "  "),
    )
    .map(([indent, dash, key, value, tail]) => {
      const body = key === undefined ? value : value === "" ? `${key}:` : `${key}: ${value}`;
      return `${" ".repeat(indent)}${dash}${body}${tail}`;
    });
  const text = fc
    .array(fc.oneof({ weight: 12, arbitrary: line }, fc.constantFrom("---", "# c", "", "...", "--- x")), {
      maxLength: 10,
    })
    .map((lines) => lines.join("\n"));

  it("agrees with the yaml package on generated texts", () => {
    accepted = 0;
    fc.assert(
      fc.property(text, (t) => agrees(t)),
      { seed: 20261202, numRuns: 20000 },
    );
    // Not only texts it gives up on: a good share of them are read.
    expect(accepted).toBeGreaterThan(2000);
  });

  const scalar = fc.oneof(
    fc.constantFrom("web", "nginx:1.27", "a b", "true", "null", "80", "1.0", "-c", "x'y", "", "é"),
    fc.nat(100000),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.constantFrom("a", "b", "name", "app.kubernetes.io/name", "x_y", "k-8");
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("map"), tie("list")),
    map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
    list: fc.array(tie("node"), { maxLength: 4 }),
  })).map;

  /** Block YAML for a value, with its scalars plain, quoted or in flow collections at random. */
  function emit(value: unknown, indent: number, style: number): string[] {
    const pad = " ".repeat(indent);
    if (Array.isArray(value)) {
      return value.flatMap((v) => {
        if (v !== null && typeof v === "object" && Object.keys(v).length > 0 && !Array.isArray(v)) {
          const inner = emit(v, indent + 2, style + 1);
          return [`${pad}- ${(inner[0] ?? "").trimStart()}`, ...inner.slice(1)];
        }
        if (v !== null && typeof v === "object" && Object.keys(v).length > 0)
          return [`${pad}-`, ...emit(v, indent + 2, style + 1)];
        return [`${pad}- ${scalarText(v, style)}`];
      });
    }
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v], i) => {
      if (v !== null && typeof v === "object" && Object.keys(v).length > 0) {
        if ((style + i) % 3 === 0) return [`${pad}${k}: ${flow(v, style + i)}`];
        const child = Array.isArray(v) && (style + i) % 2 === 0 ? indent : indent + 2;
        return [`${pad}${k}:`, ...emit(v, child, style + i)];
      }
      return [`${pad}${k}: ${scalarText(v, style + i)}`];
    });
  }

  /** One-line flow YAML (`{a: 1, b: [x]}`). */
  function flow(v: unknown, style: number): string {
    if (Array.isArray(v)) return `[${v.map((x, i) => flow(x, style + i)).join(", ")}]`;
    if (v !== null && typeof v === "object")
      return `{${Object.entries(v)
        .map(([k, x], i) => `${k}: ${flow(x, style + i)}`)
        .join(", ")}}`;
    return scalarText(v, style);
  }

  function scalarText(v: unknown, style: number): string {
    if (v !== null && typeof v === "object") return Array.isArray(v) ? "[]" : "{}";
    if (typeof v === "string" && style % 2 === 0) return JSON.stringify(v);
    return String(v);
  }

  it("reads generated manifests as the yaml package does", () => {
    accepted = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.nat(5), (docs, style) => {
        const text = docs.map((d) => emit(d, 0, style).join("\n")).join("\n---\n");
        return agrees(text);
      }),
      { seed: 20261203, numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(2500);
  });
});
