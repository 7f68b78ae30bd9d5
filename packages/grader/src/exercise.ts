import { z } from "zod";

// An exercise as the grader needs it: its files already read (the content package reads
// `content/exercises/<id>/exercise.yaml` and the files it names, and reports located errors).

export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A sentence in both languages of the course. */
export const LocalizedSchema = z.strictObject({ ko: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof LocalizedSchema>;

/** A duration in virtual time: `30s`, `2m`, `500ms`. */
export const DurationSchema = z.string().regex(/^\d+(ms|s|m|h)$/, "a duration such as 30s, 2m or 500ms");

// --- Actions: what a check does to the cluster before it looks (so lifetimes and behaviour are graded).

/** A kubectl command line, e.g. `delete pod -l app=web` or `exec writer -- sh -c "echo hi > /data/x"`. */
const KubectlActionSchema = z.strictObject({ kubectl: z.string().min(1) });
/** Let virtual time pass: pulls finish, controllers run, a load balancer gets its IP. */
const AdvanceActionSchema = z.strictObject({ advance: DurationSchema });
/** Apply the learner's files again, as after deleting what they made. */
const ReapplyActionSchema = z.strictObject({ reapply: z.literal(true) });

export const ActionSchema = z.union([KubectlActionSchema, AdvanceActionSchema, ReapplyActionSchema]);
export type Action = z.infer<typeof ActionSchema>;

// --- Expectations: conditions on the cluster after the actions.

/** A kubectl command whose output or exit code is checked, e.g. `get pvc data -o jsonpath={.status.phase}`. */
const KubectlExpectSchema = z.strictObject({
  kubectl: z.string().min(1),
  /** The exact stdout. */
  stdout: z.string().optional(),
  /** A text stdout must contain. */
  contains: z.string().optional(),
  /** A regular expression stdout must match. */
  matches: z.string().optional(),
  /** A text stdout must not contain. */
  excludes: z.string().optional(),
  /** The exit code (0 unless given). */
  exitCode: z.number().int().optional(),
});

/** A claim is Bound, optionally to a volume of a class, a named volume, or of at least a size. */
const ClaimBoundSchema = z.strictObject({
  claimBound: z.strictObject({
    claim: z.string().min(1),
    namespace: z.string().optional(),
    storageClass: z.string().optional(),
    volume: z.string().optional(),
    capacityAtLeast: z.string().optional(),
  }),
});

/** Some running pod's container has a volume mounted at a path, optionally a claim's or a volume type. */
const MountedSchema = z.strictObject({
  mounted: z.strictObject({
    pod: z.string().optional(),
    selector: z.string().optional(),
    namespace: z.string().optional(),
    container: z.string().optional(),
    mountPath: z.string().min(1),
    claim: z.string().optional(),
    volumeType: z
      .enum(["emptyDir", "persistentVolumeClaim", "nfs", "hostPath", "configMap", "secret"])
      .optional(),
    readOnly: z.boolean().optional(),
  }),
});

/** At least `count` pods matching a label selector are Ready. */
const PodsReadySchema = z.strictObject({
  podsReady: z.strictObject({
    selector: z.string().min(1),
    namespace: z.string().optional(),
    count: z.number().int().min(1).default(1),
  }),
});

/** Requests from a pod to a URL reach every ready pod the selector picks (a Service spreads load). */
const ReachesAllSchema = z.strictObject({
  reachesAll: z.strictObject({
    from: z.string().min(1),
    url: z.string().min(1),
    selector: z.string().min(1),
    namespace: z.string().optional(),
    requests: z.number().int().min(1).max(500).default(60),
  }),
});

/** One HTTP GET from a pod (or `node/NAME`, `internet`) answers with a status and body. */
const HttpSchema = z.strictObject({
  http: z.strictObject({
    from: z.string().min(1),
    url: z.string().min(1),
    namespace: z.string().optional(),
    status: z.number().int().default(200),
    contains: z.string().optional(),
  }),
});

export const ExpectationSchema = z.union([
  KubectlExpectSchema,
  ClaimBoundSchema,
  MountedSchema,
  PodsReadySchema,
  ReachesAllSchema,
  HttpSchema,
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

/** An object in the learner's files a check is about, and optionally the field (for the editor's cursor). */
export const AtSchema = z.strictObject({
  kind: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().optional(),
  /** e.g. `spec.ports[0].targetPort`. */
  path: z.string().optional(),
});

export const CheckSchema = z.strictObject({
  /** Stable id, e.g. `claim-bound`: results and wrong answers refer to it. */
  id: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a lowercase id such as claim-bound"),
  weight: z.number().int().min(1).max(100).default(1),
  title: LocalizedSchema,
  /** What the learner reads when the check fails. */
  failure: LocalizedSchema,
  hint: LocalizedSchema,
  actions: z.array(ActionSchema).default([]),
  /** Every expectation must hold. */
  expect: z.union([ExpectationSchema, z.array(ExpectationSchema).min(1)]),
  /** An object whose engine "why" explains a failure: `pod/NAME`, `service/NAME`, `pvc/NAME`. */
  why: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
    .optional(),
  /** Where a failure points in the learner's files; by default, the objects the expectations name. */
  at: z.array(AtSchema).default([]),
});
export type Check = z.infer<typeof CheckSchema>;

export const ManifestFileSchema = z.strictObject({ name: z.string().min(1), text: z.string() });
export type ExerciseFile = z.infer<typeof ManifestFileSchema>;

export const ExerciseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
  title: LocalizedSchema,
  /** The cluster before the learner starts: its shape, and what the cluster operator already made. */
  cluster: z.strictObject({
    seed: z.number().int().min(0).default(1),
    topology: z.record(z.string(), z.unknown()).optional(),
    /** The operator's objects (StorageClasses, PersistentVolumes, ...), applied first. */
    setup: z.array(ManifestFileSchema).default([]),
    /** Virtual time let pass after the learner's files are applied, before the checks. */
    settle: DurationSchema.default("30s"),
  }),
  checks: z.array(CheckSchema).min(1),
});
export type Exercise = z.infer<typeof ExerciseSchema>;
export type ExerciseInput = z.input<typeof ExerciseSchema>;
