/**
 * The simulated image catalog: which images exist, what they run and what files they hold.
 * Image layers are built once per (image, variant), frozen and shared.
 */
import { buildTree, deepFreeze } from "../fs/tree";
import {
  alpineBase,
  BUSYBOX_APPLETS,
  busyboxBase,
  DEBIAN_12_OS_RELEASE,
  DEFAULT_PATH,
  debianBase,
  distrolessBase,
  type FileSpec,
  GNU_TOOLS,
  UBUNTU_24_OS_RELEASE,
} from "./base-layers";
import { fakeSha256, stableHash } from "./digest";
import { executable, script } from "./executable";
import type { ImageInfo } from "./image-info";
import { familiarName, parseImageRef } from "./image-ref";
import {
  NGINX_50X_HTML,
  NGINX_CONF,
  NGINX_DEFAULT_CONF,
  NGINX_GROUP,
  NGINX_INDEX_HTML,
  NGINX_MIME_TYPES,
  NGINX_PASSWD,
} from "./nginx-files";
import { HTTPD_CONF, HTTPD_FOREGROUND, HTTPD_INDEX_HTML, REDIS_CONF_NOTE } from "./server-files";

export type { ImageInfo } from "./image-info";

type Base = "debian" | "slim" | "alpine";
type Built = Omit<ImageInfo, "canonical" | "imageId" | "pullMs">;

interface ImageDef {
  names: readonly string[];
  /** The version a tag denotes and the base it is built on, or undefined if the tag does not exist. */
  resolveTag(tag: string): { version: string; base: Base } | undefined;
  build(version: string, base: Base): Built;
}

function baseOf(tag: string, slimAllowed = false): Base {
  if (tag.includes("alpine")) return "alpine";
  if (slimAllowed && tag.includes("slim")) return "slim";
  return "debian";
}

/** "1.27" -> known patch; "1.27.2" -> itself. */
function versionFrom(tag: string, known: Record<string, string>, latest: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[a-z0-9.-]+)?$/.exec(tag);
  if (m === null)
    return /^(latest|stable|mainline|alpine|slim|bookworm|slim-bookworm|alpine3\.\d+)$/.test(tag)
      ? latest
      : undefined;
  const [, major, minor, patch] = m;
  if (patch !== undefined) return `${major}.${minor}.${patch}`;
  const key = minor === undefined ? `${major}` : `${major}.${minor}`;
  return known[key];
}

function alpineSpec(extra: FileSpec): FileSpec {
  return { ...alpineBase(), ...extra };
}

function debianSpec(extra: FileSpec, passwd = "", group = ""): FileSpec {
  return { ...debianBase(DEBIAN_12_OS_RELEASE, passwd, group), ...extra };
}

const SHELL_ONLY = { entrypoint: [] as string[], workingDir: "/", exposedPorts: [] as number[] };

const NGINX: ImageDef = {
  names: ["docker.io/library/nginx"],
  resolveTag(tag) {
    const version = versionFrom(
      tag,
      {
        "1": "1.29.3",
        "1.29": "1.29.3",
        "1.28": "1.28.0",
        "1.27": "1.27.3",
        "1.26": "1.26.2",
        "1.25": "1.25.5",
        "1.24": "1.24.0",
        "1.23": "1.23.4",
        "1.22": "1.22.1",
        "1.21": "1.21.6",
        "1.20": "1.20.2",
        "1.19": "1.19.10",
      },
      tag.startsWith("stable") ? "1.28.0" : "1.29.3",
    );
    if (version === undefined || !version.startsWith("1.")) return undefined;
    return { version, base: baseOf(tag) };
  },
  build(version, base) {
    const nginxFiles: FileSpec = {
      "/docker-entrypoint.sh": executable("nginx-entrypoint"),
      "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh": script(
        "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n",
      ),
      "/docker-entrypoint.d/15-local-resolvers.envsh": script(
        "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n",
      ),
      "/docker-entrypoint.d/20-envsubst-on-templates.sh": script("#!/bin/sh\n\nset -e\n"),
      "/docker-entrypoint.d/30-tune-worker-processes.sh": script(
        "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n",
      ),
      "/usr/sbin/nginx": executable("nginx"),
      "/etc/nginx/nginx.conf": NGINX_CONF,
      "/etc/nginx/mime.types": NGINX_MIME_TYPES,
      "/etc/nginx/conf.d/default.conf": NGINX_DEFAULT_CONF,
      "/usr/share/nginx/html/index.html": NGINX_INDEX_HTML,
      "/usr/share/nginx/html/50x.html": NGINX_50X_HTML,
      "/var/log/nginx": null,
      "/var/cache/nginx": null,
    };
    const alpine = base === "alpine";
    const files = alpine
      ? alpineSpec({ ...nginxFiles, "/usr/bin/curl": executable("curl") })
      : debianSpec(
          { ...nginxFiles, "/usr/bin/curl": executable("curl"), "/bin/curl": executable("curl") },
          NGINX_PASSWD,
          NGINX_GROUP,
        );
    return {
      sizeBytes: alpine ? 20_504_211 : 72_099_501,
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      workingDir: "/",
      env: {
        PATH: DEFAULT_PATH,
        NGINX_VERSION: version,
        NJS_VERSION: "0.8.7",
        NJS_RELEASE: alpine ? "1" : "1~bookworm",
        PKG_RELEASE: alpine ? "1" : "1~bookworm",
        DYNPKG_RELEASE: alpine ? "1" : "1~bookworm",
      },
      files: buildTree(files),
      shell: alpine ? "busybox" : "dash",
      programs: alpine
        ? [...BUSYBOX_APPLETS, "nginx", "curl"]
        : [...GNU_TOOLS, "sh", "bash", "nginx", "curl"],
      exposedPorts: [80],
    };
  },
};

const BUSYBOX: ImageDef = {
  names: ["docker.io/library/busybox"],
  resolveTag(tag) {
    if (/^(latest|stable|musl|glibc|uclibc|unstable)$/.test(tag))
      return { version: "1.37.0", base: "debian" };
    const m = /^1\.(3[0-7])(?:\.(\d+))?(?:-(glibc|musl|uclibc))?$/.exec(tag);
    if (m === null) return undefined;
    return { version: `1.${m[1]}.${m[2] ?? (m[1] === "37" ? "0" : "1")}`, base: "debian" };
  },
  build() {
    return {
      ...SHELL_ONLY,
      sizeBytes: 2_160_406,
      cmd: ["sh"],
      env: { PATH: DEFAULT_PATH },
      files: buildTree(busyboxBase()),
      shell: "busybox",
      programs: BUSYBOX_APPLETS,
    };
  },
};

const ALPINE: ImageDef = {
  names: ["docker.io/library/alpine"],
  resolveTag(tag) {
    if (tag === "latest" || tag === "3" || tag === "edge") return { version: "3.20.3", base: "alpine" };
    const m = /^3\.(1\d|20|21)(?:\.(\d+))?$/.exec(tag);
    return m === null ? undefined : { version: `3.${m[1]}.${m[2] ?? "0"}`, base: "alpine" };
  },
  build() {
    return {
      ...SHELL_ONLY,
      sizeBytes: 3_623_807,
      cmd: ["/bin/sh"],
      env: { PATH: DEFAULT_PATH },
      files: buildTree(alpineBase()),
      shell: "busybox",
      programs: BUSYBOX_APPLETS,
    };
  },
};

const HELLO_APP: ImageDef = {
  names: ["gcr.io/google-samples/hello-app", "us-docker.pkg.dev/google-samples/containers/gke/hello-app"],
  resolveTag(tag) {
    if (tag === "1.0") return { version: "1.0.0", base: "debian" };
    if (tag === "2.0") return { version: "2.0.0", base: "debian" };
    return undefined;
  },
  build(version) {
    return {
      ...SHELL_ONLY,
      sizeBytes: 10_098_427,
      cmd: ["/hello-app"],
      env: { PATH: DEFAULT_PATH },
      files: buildTree({ ...distrolessBase(), "/hello-app": executable(`hello-app:${version}`) }),
      shell: "none",
      programs: ["hello-app"],
      exposedPorts: [8080],
    };
  },
};

const PYTHON_VERSIONS: Record<string, string> = {
  "3": "3.13.0",
  "3.13": "3.13.0",
  "3.12": "3.12.7",
  "3.11": "3.11.10",
  "3.10": "3.10.15",
  "3.9": "3.9.20",
  "3.8": "3.8.20",
};

const PYTHON: ImageDef = {
  names: ["docker.io/library/python"],
  resolveTag(tag) {
    const version = versionFrom(tag, PYTHON_VERSIONS, "3.13.0");
    if (version === undefined || !version.startsWith("3.")) return undefined;
    return { version, base: baseOf(tag, true) };
  },
  build(version, base) {
    const minor = version.split(".").slice(0, 2).join(".");
    const py: FileSpec = {};
    for (const name of ["python", "python3", `python${minor}`, "pip", "pip3"])
      py[`/usr/local/bin/${name}`] = executable("python");
    const withCurl: FileSpec =
      base === "debian" ? { "/usr/bin/curl": executable("curl"), "/bin/curl": executable("curl") } : {};
    const files = base === "alpine" ? alpineSpec(py) : debianSpec({ ...py, ...withCurl });
    const programs = base === "alpine" ? [...BUSYBOX_APPLETS] : [...GNU_TOOLS, "sh", "bash"];
    programs.push("python", "python3", `python${minor}`, "pip", "pip3");
    if (base === "debian") programs.push("curl");
    return {
      ...SHELL_ONLY,
      sizeBytes: base === "debian" ? 373_400_612 : base === "slim" ? 45_104_398 : 18_877_513,
      cmd: ["python3"],
      env: {
        PATH: `/usr/local/bin:${DEFAULT_PATH}`,
        LANG: "C.UTF-8",
        GPG_KEY: "7169605F62C751356D054A26A821E680E5FA6305",
        PYTHON_VERSION: version,
      },
      files: buildTree(files),
      shell: base === "alpine" ? "busybox" : "dash",
      programs,
    };
  },
};

const HTTPD: ImageDef = {
  names: ["docker.io/library/httpd"],
  resolveTag(tag) {
    const version = versionFrom(tag, { "2": "2.4.62", "2.4": "2.4.62" }, "2.4.62");
    return version?.startsWith("2.4.") ? { version, base: baseOf(tag) } : undefined;
  },
  build(version, base) {
    const prefix = "/usr/local/apache2";
    const extra: FileSpec = {
      "/usr/local/bin/httpd-foreground": script(HTTPD_FOREGROUND),
      [`${prefix}/bin/httpd`]: executable("httpd"),
      [`${prefix}/bin/apachectl`]: executable("httpd"),
      [`${prefix}/conf/httpd.conf`]: HTTPD_CONF,
      [`${prefix}/htdocs/index.html`]: HTTPD_INDEX_HTML,
      [`${prefix}/logs`]: null,
      [`${prefix}/cgi-bin`]: null,
    };
    const alpine = base === "alpine";
    return {
      entrypoint: [],
      sizeBytes: alpine ? 22_060_744 : 58_113_792,
      cmd: ["httpd-foreground"],
      workingDir: prefix,
      env: {
        PATH: `${prefix}/bin:${DEFAULT_PATH}`,
        HTTPD_PREFIX: prefix,
        HTTPD_VERSION: version,
        HTTPD_PATCHES: "",
      },
      files: buildTree(alpine ? alpineSpec(extra) : debianSpec(extra)),
      shell: alpine ? "busybox" : "dash",
      programs: [
        ...(alpine ? BUSYBOX_APPLETS : [...GNU_TOOLS, "sh", "bash"]),
        "httpd",
        "httpd-foreground",
        "apachectl",
      ],
      exposedPorts: [80],
    };
  },
};

const REDIS: ImageDef = {
  names: ["docker.io/library/redis"],
  resolveTag(tag) {
    const version = versionFrom(
      tag,
      { "7": "7.4.1", "7.4": "7.4.1", "7.2": "7.2.6", "7.0": "7.0.15", "6": "6.2.16", "6.2": "6.2.16" },
      "7.4.1",
    );
    return version === undefined || !/^[67]\./.test(version) ? undefined : { version, base: baseOf(tag) };
  },
  build(version, base) {
    const alpine = base === "alpine";
    const extra: FileSpec = {
      "/usr/local/bin/docker-entrypoint.sh": executable("redis-entrypoint"),
      "/usr/local/bin/redis-server": executable("redis-server"),
      "/usr/local/bin/redis-cli": executable("redis-cli"),
      "/data": null,
      "/etc/redis-example.conf": REDIS_CONF_NOTE,
    };
    return {
      entrypoint: ["docker-entrypoint.sh"],
      sizeBytes: alpine ? 17_234_101 : 45_016_340,
      cmd: ["redis-server"],
      workingDir: "/data",
      env: {
        PATH: DEFAULT_PATH,
        REDIS_VERSION: version,
        REDIS_DOWNLOAD_URL: `http://download.redis.io/releases/redis-${version}.tar.gz`,
      },
      files: buildTree(
        alpine
          ? alpineSpec(extra)
          : debianSpec(extra, "redis:x:999:999::/home/redis:/usr/sbin/nologin\n", "redis:x:999:\n"),
      ),
      shell: alpine ? "busybox" : "dash",
      programs: [
        ...(alpine ? BUSYBOX_APPLETS : [...GNU_TOOLS, "sh", "bash"]),
        "redis-server",
        "redis-cli",
        "docker-entrypoint.sh",
      ],
      exposedPorts: [6379],
    };
  },
};

const DEBIAN: ImageDef = {
  names: ["docker.io/library/debian"],
  resolveTag(tag) {
    return /^(latest|12|12\.\d+|bookworm|stable)(-slim)?$/.test(tag) || tag === "bookworm-slim"
      ? { version: "12.8", base: "debian" }
      : undefined;
  },
  build() {
    return {
      ...SHELL_ONLY,
      sizeBytes: 48_494_271,
      cmd: ["bash"],
      env: { PATH: DEFAULT_PATH },
      files: buildTree(debianSpec({})),
      shell: "bash",
      programs: [...GNU_TOOLS, "sh", "bash"],
    };
  },
};

const UBUNTU: ImageDef = {
  names: ["docker.io/library/ubuntu"],
  resolveTag(tag) {
    return /^(latest|rolling|24\.04|noble|22\.04|jammy|20\.04|focal)$/.test(tag)
      ? { version: "24.04", base: "debian" }
      : undefined;
  },
  build() {
    return {
      ...SHELL_ONLY,
      sizeBytes: 29_754_290,
      cmd: ["/bin/bash"],
      env: { PATH: DEFAULT_PATH },
      files: buildTree(debianBase(UBUNTU_24_OS_RELEASE)),
      shell: "bash",
      programs: [...GNU_TOOLS, "sh", "bash"],
    };
  },
};

/**
 * GKE's own images that the cluster runs in kube-system (kube-dns): distroless, one binary each,
 * at the versions GKE 1.33 ships.
 */
function gkeSystemImage(
  repository: string,
  tag: string,
  binary: string,
  program: string,
  sizeBytes: number,
): ImageDef {
  return {
    names: [`gke.gcr.io/${repository}`],
    resolveTag: (t) => (t === tag ? { version: tag, base: "debian" } : undefined),
    build: () => ({
      ...SHELL_ONLY,
      sizeBytes,
      entrypoint: [binary],
      cmd: [],
      env: { PATH: DEFAULT_PATH },
      files: buildTree({ ...distrolessBase(), [binary]: executable(program) }),
      shell: "none",
      programs: [program],
    }),
  };
}

export const GKE_IMAGES = {
  kubeDns: "gke.gcr.io/k8s-dns-kube-dns:1.26.4-gke.1",
  dnsmasq: "gke.gcr.io/k8s-dns-dnsmasq-nanny:1.26.4-gke.1",
  sidecar: "gke.gcr.io/k8s-dns-sidecar:1.26.4-gke.1",
  prometheusToSd: "gke.gcr.io/prometheus-to-sd:v0.11.12-gke.11",
} as const;

const GKE_SYSTEM: readonly ImageDef[] = [
  gkeSystemImage("k8s-dns-kube-dns", "1.26.4-gke.1", "/kube-dns", "kube-dns", 31_806_515),
  gkeSystemImage("k8s-dns-dnsmasq-nanny", "1.26.4-gke.1", "/dnsmasq-nanny", "dnsmasq-nanny", 36_112_840),
  gkeSystemImage("k8s-dns-sidecar", "1.26.4-gke.1", "/sidecar", "k8s-dns-sidecar", 28_393_217),
  gkeSystemImage("prometheus-to-sd", "v0.11.12-gke.11", "/monitor", "prometheus-to-sd", 24_870_112),
];

const DEFS: readonly ImageDef[] = [
  NGINX,
  BUSYBOX,
  ALPINE,
  HELLO_APP,
  PYTHON,
  HTTPD,
  REDIS,
  DEBIAN,
  UBUNTU,
  ...GKE_SYSTEM,
];
const BUILT = new Map<string, Built>();

function built(def: ImageDef, version: string, base: Base): Built {
  const key = `${def.names[0]}:${version}:${base}`;
  let info = BUILT.get(key);
  if (info === undefined) {
    const b = def.build(version, base);
    info = Object.freeze({ ...b, files: deepFreeze(b.files), env: Object.freeze({ ...b.env }) });
    BUILT.set(key, info);
  }
  return info;
}

const LOOKUPS = new Map<string, ImageInfo | undefined>();
const MAX_LOOKUPS = 1000;

/** The image an image string names, or undefined if no such image exists (ErrImagePull). */
export function lookupImage(image: string): ImageInfo | undefined {
  // A pure function of the string, asked once per container start: remember the answers.
  if (LOOKUPS.has(image)) return LOOKUPS.get(image);
  const info = resolveImage(image);
  if (LOOKUPS.size >= MAX_LOOKUPS) LOOKUPS.clear();
  LOOKUPS.set(image, info);
  return info;
}

function resolveImage(image: string): ImageInfo | undefined {
  const parsed = parseImageRef(image);
  if (!parsed.ok) return undefined;
  const { ref } = parsed;
  const name = `${ref.registry}/${ref.repository}`;
  const def = DEFS.find((d) => d.names.includes(name));
  if (def === undefined) return undefined;
  const resolved = def.resolveTag(ref.tag ?? "latest");
  if (resolved === undefined) return undefined;
  const digest = `sha256:${fakeSha256(`${def.names[0]}:${resolved.version}:${resolved.base}`)}`;
  if (ref.digest !== undefined && ref.digest !== digest) return undefined;
  const b = built(def, resolved.version, resolved.base);
  const pullMs =
    Math.min(6000, Math.max(1000, 800 + Math.round(b.sizeBytes / 75_000))) + stableHash(digest, 400);
  return Object.freeze({ ...b, canonical: ref.canonical, imageId: `${name}@${digest}`, pullMs });
}

/** The familiar name for messages, e.g. "nginx:latest". */
export function displayImageName(image: string): string {
  const parsed = parseImageRef(image);
  return parsed.ok ? familiarName(parsed.ref) : image;
}
