import { describe, expect, it } from "vitest";
import { parseImageRef } from "./image-ref";

describe("parseImageRef", () => {
  it.each([
    ["nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.27", "docker.io/library/nginx:1.27"],
    ["library/nginx", "docker.io/library/nginx:latest"],
    ["docker.io/nginx:alpine", "docker.io/library/nginx:alpine"],
    ["bitnami/redis:7.2", "docker.io/bitnami/redis:7.2"],
    ["gcr.io/google-samples/hello-app:1.0", "gcr.io/google-samples/hello-app:1.0"],
    ["localhost:5000/app", "localhost:5000/app:latest"],
    [`nginx@sha256:${"a".repeat(64)}`, `docker.io/library/nginx@sha256:${"a".repeat(64)}`],
    [`nginx:1.27@sha256:${"b".repeat(64)}`, `docker.io/library/nginx:1.27@sha256:${"b".repeat(64)}`],
  ])("%s -> %s", (image, canonical) => {
    const r = parseImageRef(image);
    expect(r.ok && r.ref.canonical).toBe(canonical);
  });

  it.each([
    [
      "Nginx",
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    [
      "nginx:",
      'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format',
    ],
    [
      "nginx:la test",
      'Failed to apply default image tag "nginx:la test": couldn\'t parse image name "nginx:la test": invalid reference format',
    ],
    [
      "nginx@sha256:abc",
      'Failed to apply default image tag "nginx@sha256:abc": couldn\'t parse image name "nginx@sha256:abc": invalid reference format',
    ],
    [
      `nginx@sha256:${"a".repeat(40)}`,
      `Failed to apply default image tag "nginx@sha256:${"a".repeat(40)}": couldn't parse image name "nginx@sha256:${"a".repeat(40)}": invalid checksum digest length`,
    ],
    [
      "-nginx",
      'Failed to apply default image tag "-nginx": couldn\'t parse image name "-nginx": invalid reference format',
    ],
  ])("%s is InvalidImageName", (image, message) => {
    expect(parseImageRef(image)).toEqual({ ok: false, message });
  });

  it("rejects a 5 MB reference quickly", () => {
    expect(parseImageRef("a".repeat(5_000_000)).ok).toBe(false);
  });
});
