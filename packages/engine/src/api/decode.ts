import type { z } from "zod";
import type { Diagnostic } from "../parse/diagnostic";
import { joinFieldPath } from "../parse/field-path";
import type { ManifestDocument } from "../parse/parse-manifests";
import { type FieldError, required } from "../validation/field-error";
import { goField } from "./go-types";
import { KINDS, type KindInfo } from "./kinds";
import { QUANTITY_ERROR } from "./quantity";

export type Decoded =
  | { ok: true; info: KindInfo; object: Record<string, unknown>; missing: FieldError[] }
  | { ok: false; diagnostic: Diagnostic };

export type Mapped =
  | { ok: true; info: KindInfo; schema: NonNullable<KindInfo["schema"]> }
  | { ok: false; diagnostic: Diagnostic };

function failAt(doc: ManifestDocument, code: Diagnostic["code"], message: string, path?: string) {
  const pos = path ? doc.locate(path) : undefined;
  return {
    ok: false as const,
    diagnostic: {
      code,
      message,
      file: doc.file,
      document: doc.index,
      path,
      line: pos?.line,
      column: pos?.column,
    },
  };
}

/**
 * What kubectl does with a document before anything reaches the API server: its kind and apiVersion
 * must be set and map to a resource the cluster serves (a client dry run stops here).
 */
export function mapDocument(doc: ManifestDocument): Mapped {
  if (doc.inList) return mapListItem(doc);
  const { file, value } = doc;
  const kind = value.kind;
  const apiVersion = value.apiVersion;
  // kubectl's schema validation (staging/src/k8s.io/kubectl/pkg/validation) checks these first.
  if (typeof kind !== "string" || kind === "") {
    return failAt(
      doc,
      "missing-kind",
      `error: error validating "${file}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`,
      "kind",
    );
  }
  if (typeof apiVersion !== "string" || apiVersion === "") {
    return failAt(
      doc,
      "missing-api-version",
      `error: error validating "${file}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`,
      "apiVersion",
    );
  }
  const info = KINDS.find((k) => k.kind === kind && k.apiVersion === apiVersion && k.schema);
  if (!info?.schema) {
    const meta = value.metadata as { name?: unknown; namespace?: unknown } | undefined;
    const name = typeof meta?.name === "string" ? meta.name : "";
    const namespace = typeof meta?.namespace === "string" ? meta.namespace : "";
    return failAt(
      doc,
      "unknown-kind",
      `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      "kind",
    );
  }
  return { ok: true, info, schema: info.schema };
}

/**
 * A list's item is typed and mapped by the resource builder (cli-runtime's mapper.infoForObject with
 * unstructured's object typer), with its own words; kubectl's validator saw only the list.
 */
function mapListItem(doc: ManifestDocument): Mapped {
  const { kind, apiVersion } = doc.value;
  const typeInfo = `error: unable to get type info from the object "*unstructured.Unstructured": `;
  if (typeof kind !== "string" || kind === "")
    return failAt(
      doc,
      "missing-kind",
      `${typeInfo}Object 'Kind' is missing in 'object has no kind field '`,
      "kind",
    );
  if (typeof apiVersion !== "string" || apiVersion === "" || apiVersion.endsWith("/"))
    return failAt(
      doc,
      "missing-api-version",
      `${typeInfo}Object 'apiVersion' is missing in 'object has no apiVersion field'`,
      "apiVersion",
    );
  const info = KINDS.find((k) => k.kind === kind && k.apiVersion === apiVersion && k.schema);
  if (!info?.schema)
    return failAt(
      doc,
      "unknown-kind",
      `error: unable to recognize no matches for kind "${kind}" in version "${apiVersion}"`,
      "kind",
    );
  return { ok: true, info, schema: info.schema };
}

/**
 * What kubectl and the API server do before validation: find the kind's REST mapping, then decode
 * strictly (an unknown or misspelt field is an error, as with `--validate=strict`, kubectl's default).
 * Missing required fields decode to zero values and come back as `Required value` field errors.
 */
export function decodeDocument(doc: ManifestDocument): Decoded {
  const mapped = mapDocument(doc);
  if (!mapped.ok) return mapped;
  const { info, schema } = mapped;
  const { file, value } = doc;
  const kind = info.kind;
  const fail = (code: Diagnostic["code"], message: string, path?: string): Decoded =>
    failAt(doc, code, message, path);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, info, object: result.data as Record<string, unknown>, missing: [] };

  const unknownFields: string[] = [];
  const typeErrors: { path: string; message: string }[] = [];
  const missing: FieldError[] = [];
  collect(kind, result.error.issues, [], unknownFields, typeErrors, missing);
  const prefix = `Error from server (BadRequest): error when creating "${file}": ${kind} in version "${info.apiVersion.split("/").pop()}" cannot be handled as a ${kind}: `;
  if (typeErrors.length > 0) {
    const first = typeErrors[0];
    return fail("decode", prefix + (first?.message ?? ""), first?.path);
  }
  if (unknownFields.length > 0) {
    return fail(
      "decode",
      `${prefix}strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(", ")}`,
      unknownFields[0],
    );
  }
  // Only missing fields: decode what is there and let validation report them with its other errors.
  return { ok: true, info, object: value, missing };
}

type Issue = z.core.$ZodIssue;

function collect(
  kind: string,
  issues: readonly Issue[],
  base: PropertyKey[],
  unknownFields: string[],
  typeErrors: { path: string; message: string }[],
  missing: FieldError[],
): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) unknownFields.push(joinFieldPath([...path, key]));
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      missing.push(required(joinFieldPath(path)));
    } else if (issue.code === "invalid_union") {
      // int-or-string and the like: report as a type error on the field itself.
      typeErrors.push({
        path: joinFieldPath(path),
        message: goTypeError(kind, path, issue.input, "intstr.IntOrString"),
      });
    } else if (issue.code === "invalid_type") {
      typeErrors.push({
        path: joinFieldPath(path),
        message: goTypeError(kind, path, issue.input, goType(issue.expected)),
      });
    } else if (issue.code === "custom" && issue.message === QUANTITY_ERROR) {
      // resource.Quantity's UnmarshalJSON error is returned as is (quantity.go: ErrFormatWrong).
      typeErrors.push({ path: joinFieldPath(path), message: issue.message });
    } else if (issue.code === "invalid_value" && path.at(-1) === "kind") {
      typeErrors.push({ path: joinFieldPath(path), message: `Object 'Kind' is wrong` });
    } else {
      typeErrors.push({
        path: joinFieldPath(path),
        message: `json: ${joinFieldPath(path)}: ${issue.message}`,
      });
    }
  }
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "object") return "object";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}

function goType(expected: string): string {
  switch (expected) {
    case "number":
    case "int":
      return "int32";
    case "boolean":
      return "bool";
    case "array":
      return "[]interface {}";
    case "object":
    case "record":
      return "map[string]interface {}";
    default:
      return expected;
  }
}

/**
 * encoding/json's UnmarshalTypeError: `json: cannot unmarshal string into Go struct field
 * ContainerPort.spec.containers.ports.containerPort of type int32`, the struct and the type from
 * k8s.io/api where go-types.ts knows them (else the field path and the JSON schema's type).
 */
function goTypeError(kind: string, path: PropertyKey[], input: unknown, fallback: string): string {
  const go = goField(kind, path);
  const field = go
    ? `${go.struct}.${go.fields.join(".")}`
    : path
        .filter((p) => typeof p !== "number")
        .map(String)
        .join(".");
  return `json: cannot unmarshal ${jsonType(input)} into Go struct field ${field} of type ${go?.type ?? fallback}`;
}
