// kubectl 1.33's commands and their flags, as the real binary (v1.33.1) lists them in `--help` and
// `kubectl options`; types and NoOptDefVals from the source (kubectl/pkg/cmd/..., cli-runtime's
// PrintFlags, cmdutil.AddDryRunFlag / AddValidateFlags / AddFilenameOptionFlags). A flag is written
// `[short|]name type[=NoOptDefVal]`.
//
// `simulated` names the flags the command here acts on (or that change nothing it could show, such as
// `--chunk-size`); any other flag kubectl has is accepted by the grammar but answered with a clear
// "not simulated" error rather than silently ignored.
import type { CommandNode } from "./command-tree";
import type { FlagSpec, FlagType } from "./flag-set";

export interface KubectlCommand extends CommandNode {
  readonly simulated?: readonly string[];
  /** Flags cobra insists on before the command runs (MarkFlagRequired). */
  readonly required?: readonly string[];
  /** kubectl's other subcommands of this command (and their aliases): known, not simulated here. */
  readonly otherChildren?: readonly string[];
  /** It only leads to its subcommands (cobra's DefaultSubCommandRun): alone it prints its help. */
  readonly dispatcher?: boolean;
  readonly children?: readonly KubectlCommand[];
}

function spec(text: string): FlagSpec {
  const m = /^(?:(\w)\|)?([\w-]+) (\w+)(?:=(.*))?$/.exec(text);
  if (!m) throw new Error(`bad flag spec: ${text}`);
  const [, short, name = "", type, noOptDefVal] = m;
  return {
    name,
    type: type as FlagType,
    ...(short ? { short } : {}),
    ...(noOptDefVal !== undefined ? { noOptDefVal } : {}),
  };
}

/** genericclioptions.PrintFlags: -o and what the json, yaml, name and template printers add. */
const PRINT_FLAGS = [
  "allow-missing-template-keys bool",
  "o|output string",
  "show-managed-fields bool",
  "template string",
];
/** The print flags that change nothing a simulated command shows (no Go templates, no managedFields). */
const PRINT_NO_OPS = ["allow-missing-template-keys", "show-managed-fields", "template"];
/** cmdutil.AddFilenameOptionFlags. */
const FILENAME_FLAGS = ["f|filename stringSlice", "k|kustomize string", "R|recursive bool"];
const DRY_RUN = "dry-run string=unchanged";
const VALIDATE = "validate string=strict";
/** genericclioptions.RecordFlags: hidden and deprecated, it still parses (and warns). */
const RECORD = "record bool";
/** The field manager's name: nothing simulated shows managedFields. */
const OWNERSHIP = ["field-manager"];

/** What a create generator (`create deployment|namespace|service ...`) shares. */
const GENERATOR = [...PRINT_FLAGS, DRY_RUN, "field-manager string", "save-config bool", VALIDATE];
const GENERATOR_SIMULATED = ["output", ...PRINT_NO_OPS, "dry-run", "validate", "save-config", ...OWNERSHIP];

/** Where `create configmap` and `create secret generic` take their keys (create_configmap.go, create_secret.go). */
const DATA_SOURCES = [
  "append-hash bool",
  "from-env-file stringSlice",
  "from-file stringSlice",
  "from-literal stringArray",
];
const DATA_SOURCES_SIMULATED = ["append-hash", "from-env-file", "from-file", "from-literal"];

/** `kubectl label` and `kubectl annotate` take the same flags (label.go, annotate.go). */
const LABELLING = [
  ...PRINT_FLAGS,
  ...FILENAME_FLAGS,
  "all bool",
  "A|all-namespaces bool",
  DRY_RUN,
  "field-manager string",
  "field-selector string",
  "list bool",
  "local bool",
  "overwrite bool",
  RECORD,
  "resource-version string",
  "l|selector string",
];
const LABELLING_SIMULATED = ["overwrite", "dry-run", "record", ...OWNERSHIP];

function command(
  name: string,
  flags: readonly string[],
  simulated: readonly string[],
  more: Partial<Omit<KubectlCommand, "name" | "flags" | "simulated">> = {},
): KubectlCommand {
  return { name, flags: [...flags, "h|help bool"].map(spec), simulated: [...simulated, "help"], ...more };
}

const createService = (
  type: string,
  own: readonly string[],
  simulated: readonly string[],
  more: Partial<KubectlCommand> = {},
) =>
  command(
    type,
    [...GENERATOR, "tcp stringSlice", ...own],
    [...GENERATOR_SIMULATED, "tcp", ...simulated],
    more,
  );

export const KUBECTL: KubectlCommand = {
  name: "kubectl",
  flags: [spec("h|help bool")],
  simulated: ["help"],
  // genericclioptions.ConfigFlags, kubectl's own root flags and the logging flags (kubectl options).
  persistentFlags: [
    "as string",
    "as-group stringArray",
    "as-uid string",
    "cache-dir string",
    "certificate-authority string",
    "client-certificate string",
    "client-key string",
    "cluster string",
    "context string",
    "disable-compression bool",
    "insecure-skip-tls-verify bool",
    "kubeconfig string",
    "log-flush-frequency duration",
    "match-server-version bool",
    "n|namespace string",
    "password string",
    "profile string",
    "profile-output string",
    "request-timeout string",
    "s|server string",
    "tls-server-name string",
    "token string",
    "user string",
    "username string",
    "v|v level",
    "vmodule string",
    "warnings-as-errors bool",
  ].map(spec),
  children: [
    command("annotate", LABELLING, LABELLING_SIMULATED),
    command(
      "api-resources",
      [
        "api-group string",
        "cached bool",
        "categories stringSlice",
        "namespaced bool",
        "no-headers bool",
        "o|output string",
        "sort-by string",
        "verbs stringSlice",
      ],
      ["api-group", "cached", "namespaced", "no-headers", "output", "sort-by"],
    ),
    command(
      "apply",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "all bool",
        "cascade string=background",
        DRY_RUN,
        "field-manager string",
        "force bool",
        "force-conflicts bool",
        "grace-period int",
        "openapi-patch bool",
        "overwrite bool",
        "prune bool",
        "prune-allowlist stringArray",
        RECORD,
        "l|selector string",
        "server-side bool",
        "subresource string",
        "timeout duration",
        VALIDATE,
        "wait bool",
      ],
      [
        "filename",
        "recursive",
        "dry-run",
        "validate",
        "record",
        "overwrite",
        "openapi-patch",
        "output",
        ...PRINT_NO_OPS,
        ...OWNERSHIP,
      ],
    ),
    command("cluster-info", [], [], {
      children: [
        command(
          "dump",
          [
            ...PRINT_FLAGS,
            "A|all-namespaces bool",
            "namespaces stringSlice",
            "output-directory string",
            "pod-running-timeout duration",
          ],
          [],
        ),
      ],
    }),
    command("config", [], [], {
      dispatcher: true,
      persistentFlags: [spec("kubeconfig string")],
      otherChildren: [
        "delete-cluster",
        "delete-context",
        "delete-user",
        "rename-context",
        "set",
        "set-cluster",
        "set-context",
        "set-credentials",
        "unset",
        "use-context",
        "use",
      ],
      children: [
        command("current-context", [], []),
        command("get-contexts", ["no-headers bool", "o|output string"], ["no-headers", "output"]),
        command("get-clusters", [], []),
        command("get-users", [], []),
        command(
          "view",
          [...PRINT_FLAGS, "flatten bool", "merge bool", "minify bool", "raw bool"],
          ["output", ...PRINT_NO_OPS, "flatten", "merge", "minify", "raw"],
        ),
      ],
    }),
    command("cordon", [DRY_RUN, "l|selector string"], ["dry-run", "selector"]),
    command(
      "create",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        DRY_RUN,
        "edit bool",
        "field-manager string",
        "raw string",
        RECORD,
        "save-config bool",
        "l|selector string",
        VALIDATE,
        "windows-line-endings bool",
      ],
      [
        "filename",
        "recursive",
        "dry-run",
        "validate",
        "record",
        "windows-line-endings",
        "save-config",
        "output",
        ...PRINT_NO_OPS,
        ...OWNERSHIP,
      ],
      {
        otherChildren: [
          "clusterrole",
          "clusterrolebinding",
          "cronjob",
          "cj",
          "ingress",
          "ing",
          "job",
          "poddisruptionbudget",
          "pdb",
          "priorityclass",
          "pc",
          "quota",
          "resourcequota",
          "role",
          "rolebinding",
          "serviceaccount",
          "sa",
          "token",
        ],
        children: [
          command(
            "deployment",
            [...GENERATOR, "image stringSlice", "port int32", "r|replicas int32"],
            [...GENERATOR_SIMULATED, "image", "port", "replicas"],
            { aliases: ["deploy"], required: ["image"] },
          ),
          command(
            "configmap",
            [...GENERATOR, ...DATA_SOURCES],
            [...GENERATOR_SIMULATED, ...DATA_SOURCES_SIMULATED],
            {
              aliases: ["cm"],
            },
          ),
          command("namespace", GENERATOR, GENERATOR_SIMULATED, { aliases: ["ns"] }),
          command("secret", [], [], {
            dispatcher: true,
            otherChildren: ["docker-registry", "tls"],
            children: [
              command(
                "generic",
                [...GENERATOR, ...DATA_SOURCES, "type string"],
                [...GENERATOR_SIMULATED, ...DATA_SOURCES_SIMULATED, "type"],
              ),
            ],
          }),
          command("service", [], [], {
            aliases: ["svc"],
            dispatcher: true,
            children: [
              createService("clusterip", ["clusterip string"], ["clusterip"]),
              createService("nodeport", ["node-port int"], ["node-port"]),
              createService("loadbalancer", [], []),
              createService("externalname", ["external-name string"], ["external-name"], {
                required: ["external-name"],
              }),
            ],
          }),
        ],
      },
    ),
    command(
      "delete",
      [
        ...FILENAME_FLAGS,
        "all bool",
        "A|all-namespaces bool",
        "cascade string=background",
        DRY_RUN,
        "field-selector string",
        "force bool",
        "grace-period int",
        "ignore-not-found bool",
        "i|interactive bool",
        "now bool",
        "o|output string",
        "raw string",
        "l|selector string",
        "timeout duration",
        "wait bool",
      ],
      [
        "filename",
        "recursive",
        "all",
        "cascade",
        "dry-run",
        "force",
        "grace-period",
        "ignore-not-found",
        "now",
        "output",
        "selector",
        "timeout",
        "wait",
      ],
    ),
    command(
      "describe",
      [
        ...FILENAME_FLAGS,
        "A|all-namespaces bool",
        "chunk-size int64",
        "l|selector string",
        "show-events bool",
      ],
      ["filename", "recursive", "all-namespaces", "chunk-size", "selector", "show-events"],
    ),
    command(
      "events",
      [
        ...PRINT_FLAGS,
        "A|all-namespaces bool",
        "chunk-size int64",
        "for string",
        "no-headers bool",
        "types stringSlice",
        "w|watch bool",
      ],
      ["output", ...PRINT_NO_OPS, "all-namespaces", "chunk-size", "for", "no-headers", "types", "watch"],
    ),
    command(
      "exec",
      [
        "c|container string",
        "f|filename stringSlice",
        "pod-running-timeout duration",
        "q|quiet bool",
        "i|stdin bool",
        "t|tty bool",
      ],
      ["container", "pod-running-timeout", "quiet", "stdin", "tty"],
    ),
    command("explain", ["api-version string", "output string", "recursive bool"], []),
    command(
      "expose",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "cluster-ip string",
        DRY_RUN,
        "external-ip string",
        "field-manager string",
        "l|labels string",
        "load-balancer-ip string",
        "name string",
        "override-type string",
        "overrides string",
        "port string",
        "protocol string",
        RECORD,
        "save-config bool",
        "selector string",
        "session-affinity string",
        "target-port string",
        "type string",
      ],
      [
        "output",
        ...PRINT_NO_OPS,
        "cluster-ip",
        "dry-run",
        "labels",
        "name",
        "port",
        "protocol",
        "record",
        "save-config",
        "selector",
        "target-port",
        "type",
        ...OWNERSHIP,
      ],
    ),
    command(
      "get",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "A|all-namespaces bool",
        "chunk-size int64",
        "field-selector string",
        "ignore-not-found bool",
        "L|label-columns stringSlice",
        "no-headers bool",
        "output-watch-events bool",
        "raw string",
        "l|selector string",
        "server-print bool",
        "show-kind bool",
        "show-labels bool",
        "sort-by string",
        "subresource string",
        "w|watch bool",
        "watch-only bool",
      ],
      [
        "output",
        ...PRINT_NO_OPS,
        "filename",
        "recursive",
        "all-namespaces",
        "chunk-size",
        "field-selector",
        "ignore-not-found",
        "label-columns",
        "no-headers",
        "output-watch-events",
        "selector",
        "server-print",
        "show-kind",
        "show-labels",
        "sort-by",
        "watch",
        "watch-only",
      ],
    ),
    command("label", LABELLING, LABELLING_SIMULATED),
    command(
      "logs",
      [
        "all-containers bool",
        "all-pods bool",
        "c|container string",
        "f|follow bool",
        "ignore-errors bool",
        "insecure-skip-tls-verify-backend bool",
        "limit-bytes int64",
        "max-log-requests int",
        "pod-running-timeout duration",
        "prefix bool",
        "p|previous bool",
        "l|selector string",
        "since duration",
        "since-time string",
        "tail int64",
        "timestamps bool",
      ],
      [
        "all-containers",
        "container",
        "follow",
        "insecure-skip-tls-verify-backend",
        "pod-running-timeout",
        "prefix",
        "previous",
        "selector",
        "tail",
      ],
    ),
    command(
      "patch",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        DRY_RUN,
        "field-manager string",
        "local bool",
        "p|patch string",
        "patch-file string",
        RECORD,
        "subresource string",
        "type string",
      ],
      ["dry-run", "patch", "record", "type", ...OWNERSHIP],
    ),
    command(
      "replace",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "cascade string=background",
        DRY_RUN,
        "field-manager string",
        "force bool",
        "grace-period int",
        "raw string",
        RECORD,
        "save-config bool",
        "subresource string",
        "timeout duration",
        VALIDATE,
        "wait bool",
      ],
      [
        "filename",
        "recursive",
        "output",
        ...PRINT_NO_OPS,
        "force",
        "grace-period",
        "timeout",
        "wait",
        "validate",
        "record",
        "save-config",
        ...OWNERSHIP,
      ],
    ),
    command("rollout", [], [], {
      dispatcher: true,
      otherChildren: ["pause", "resume"],
      children: [
        command(
          "status",
          [...FILENAME_FLAGS, "revision int64", "l|selector string", "timeout duration", "w|watch bool"],
          ["timeout", "watch"],
        ),
        command(
          "history",
          [...PRINT_FLAGS, ...FILENAME_FLAGS, "revision int64", "l|selector string"],
          ["revision"],
        ),
        command(
          "undo",
          [...PRINT_FLAGS, ...FILENAME_FLAGS, DRY_RUN, "l|selector string", "to-revision int64"],
          ["to-revision"],
        ),
        command(
          "restart",
          [...PRINT_FLAGS, ...FILENAME_FLAGS, "field-manager string", "l|selector string"],
          [...OWNERSHIP],
        ),
      ],
    }),
    command(
      "run",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "annotations stringArray",
        "attach bool",
        "cascade string=background",
        "command bool",
        DRY_RUN,
        "env stringArray",
        "expose bool",
        "field-manager string",
        "force bool",
        "grace-period int",
        "image string",
        "image-pull-policy string",
        "l|labels string",
        "leave-stdin-open bool",
        "override-type string",
        "overrides string",
        "pod-running-timeout duration",
        "port string",
        "privileged bool",
        "q|quiet bool",
        RECORD,
        "restart string",
        "rm bool",
        "save-config bool",
        "i|stdin bool",
        "timeout duration",
        "t|tty bool",
        "wait bool",
      ],
      [
        "output",
        ...PRINT_NO_OPS,
        "annotations",
        "attach",
        "command",
        "dry-run",
        "env",
        "expose",
        "image",
        "image-pull-policy",
        "labels",
        "leave-stdin-open",
        "pod-running-timeout",
        "port",
        "quiet",
        "record",
        "restart",
        "rm",
        "save-config",
        "stdin",
        "tty",
        ...OWNERSHIP,
      ],
      { required: ["image"] },
    ),
    command(
      "scale",
      [
        ...PRINT_FLAGS,
        ...FILENAME_FLAGS,
        "all bool",
        "current-replicas int",
        DRY_RUN,
        RECORD,
        "replicas int",
        "resource-version string",
        "l|selector string",
        "timeout duration",
      ],
      ["current-replicas", "dry-run", "record", "replicas", "timeout"],
      { required: ["replicas"] },
    ),
    command("set", [], [], {
      dispatcher: true,
      otherChildren: ["env", "resources", "selector", "serviceaccount", "sa", "subject"],
      children: [
        command(
          "image",
          [
            ...PRINT_FLAGS,
            ...FILENAME_FLAGS,
            "all bool",
            DRY_RUN,
            "field-manager string",
            "local bool",
            RECORD,
            "l|selector string",
          ],
          ["dry-run", "record", ...OWNERSHIP],
        ),
      ],
    }),
    command("uncordon", [DRY_RUN, "l|selector string"], ["dry-run", "selector"]),
    command("version", ["client bool", "o|output string"], ["client"]),
    command(
      "wait",
      [
        ...PRINT_FLAGS,
        "all bool",
        "A|all-namespaces bool",
        "field-selector string",
        "f|filename stringSlice",
        "for string",
        "local bool",
        "R|recursive bool",
        "l|selector string",
        "timeout duration",
      ],
      ["all", "for", "selector", "timeout"],
    ),
  ],
};
