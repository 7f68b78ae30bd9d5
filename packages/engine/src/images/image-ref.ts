/**
 * Image reference parsing as containerd/the kubelet do it (distribution/reference's
 * ParseNormalizedNamed + the kubelet's default ":latest" tag).
 */
export interface ImageRef {
  /** e.g. "docker.io", "gcr.io". */
  registry: string;
  /** e.g. "library/nginx", "google-samples/hello-app". */
  repository: string;
  tag?: string;
  /** e.g. "sha256:0123…". */
  digest?: string;
  /** e.g. "docker.io/library/nginx:latest". */
  canonical: string;
}

export type ParseImageRefResult = { ok: true; ref: ImageRef } | { ok: false; message: string };

const MAX_NAME_LENGTH = 255;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HEX64 = /^[a-f0-9]{64}$/;

function validDomain(domain: string): boolean {
  const m = /^(.*?)(?::([0-9]+))?$/.exec(domain);
  const host = m?.[1] ?? "";
  if (host.startsWith("[") && host.endsWith("]")) return true;
  return host.length > 0 && host.split(".").every((c) => DOMAIN_COMPONENT.test(c));
}

/** The kubelet's InvalidImageName message for an image string. */
function invalid(image: string, reason: string): ParseImageRefResult {
  return {
    ok: false,
    message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${reason}`,
  };
}

/** Parses an image string like docker and containerd do: "nginx" -> "docker.io/library/nginx:latest". */
export function parseImageRef(image: string): ParseImageRefResult {
  // A pure function of the string, asked at every image pull: remember the answers (read-only results).
  const known = PARSED.get(image);
  if (known !== undefined) return known;
  const parsed = parse(image);
  if (PARSED.size >= 1000) PARSED.clear();
  PARSED.set(image, parsed);
  return parsed;
}

const PARSED = new Map<string, ParseImageRefResult>();

function parse(image: string): ParseImageRefResult {
  if (image.length === 0) return invalid(image, "repository name must have at least one component");
  if (image.length > 4 * MAX_NAME_LENGTH) return invalid(image.slice(0, 64), "invalid reference format");
  if (/^[a-f0-9]{64}$/.test(image)) {
    return invalid(image, `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`);
  }
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid(image, "invalid reference format");
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid(image, "invalid reference format");
  }
  // splitDockerDomain
  let registry = "docker.io";
  let remote = rest;
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  if (
    slash >= 0 &&
    (first.includes(".") || first.includes(":") || first === "localhost" || first.toLowerCase() !== first)
  ) {
    registry = first;
    remote = rest.slice(slash + 1);
  }
  if (registry === "index.docker.io") registry = "docker.io";
  if (registry === "docker.io" && !remote.includes("/")) remote = `library/${remote}`;
  if (remote.toLowerCase() !== remote) {
    return invalid(image, `invalid reference format: repository name (${remote}) must be lowercase`);
  }
  if (!validDomain(registry) || remote.length === 0 || !remote.split("/").every((c) => COMPONENT.test(c))) {
    return invalid(image, "invalid reference format");
  }
  if (`${registry}/${remote}`.length > MAX_NAME_LENGTH) {
    return invalid(
      image,
      `invalid reference format: repository name must not be more than ${MAX_NAME_LENGTH} characters`,
    );
  }
  if (digest !== undefined) {
    const [algorithm, hex] = digest.split(":") as [string, string];
    if (algorithm === "sha256" && hex.length !== 64) return invalid(image, "invalid checksum digest length");
    if (algorithm === "sha256" && !HEX64.test(hex)) return invalid(image, "invalid checksum digest format");
    if (algorithm !== "sha256" && algorithm !== "sha384" && algorithm !== "sha512") {
      return invalid(image, "unsupported digest algorithm");
    }
  }
  if (tag === undefined && digest === undefined) tag = "latest";
  const canonical = `${registry}/${remote}${tag !== undefined ? `:${tag}` : ""}${digest !== undefined ? `@${digest}` : ""}`;
  const ref: ImageRef = { registry, repository: remote, canonical };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/** A short, familiar name: "docker.io/library/nginx:latest" -> "nginx:latest". */
export function familiarName(ref: ImageRef): string {
  const name =
    ref.registry === "docker.io"
      ? ref.repository.startsWith("library/")
        ? ref.repository.slice("library/".length)
        : ref.repository
      : `${ref.registry}/${ref.repository}`;
  return `${name}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
