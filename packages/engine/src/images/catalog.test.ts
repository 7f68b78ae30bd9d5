import { describe, expect, it } from "vitest";
import { getAt } from "../fs/tree";
import { lookupImage } from "./catalog";
import { programOf } from "./executable";

describe("lookupImage", () => {
  it.each([
    ["nginx", "/docker-entrypoint.sh", "dash", 80],
    ["nginx:1.27", "/docker-entrypoint.sh", "dash", 80],
    ["nginx:1.27-alpine", "/docker-entrypoint.sh", "busybox", 80],
    ["busybox", "sh", "busybox", undefined],
    ["busybox:1.36", "sh", "busybox", undefined],
    ["alpine:3.20", "/bin/sh", "busybox", undefined],
    ["gcr.io/google-samples/hello-app:1.0", "/hello-app", "none", 8080],
    ["gcr.io/google-samples/hello-app:2.0", "/hello-app", "none", 8080],
    ["python:3", "python3", "dash", undefined],
    ["python:3.12-slim", "python3", "dash", undefined],
    ["httpd", "httpd-foreground", "dash", 80],
    ["redis", "docker-entrypoint.sh", "dash", 6379],
    ["debian", "bash", "bash", undefined],
    ["ubuntu:22.04", "/bin/bash", "bash", undefined],
  ])("%s exists", (image, first, shell, port) => {
    const info = lookupImage(image);
    expect(info).toBeDefined();
    expect([...(info?.entrypoint ?? []), ...(info?.cmd ?? [])][0]).toBe(first);
    expect(info?.shell).toBe(shell);
    if (port !== undefined) expect(info?.exposedPorts).toContain(port);
    expect(info?.pullMs).toBeGreaterThanOrEqual(1000);
    expect(info?.pullMs).toBeLessThanOrEqual(6400);
    expect(Object.isFrozen(info?.files)).toBe(true);
  });

  it.each([
    "nginx:doesnotexist",
    "gcr.io/google-samples/hello-app:3.0",
    "gcr.io/google-samples/hello-app",
    "nosuchimage",
    "Nginx",
    `nginx@sha256:${"0".repeat(64)}`,
  ])("%s does not exist", (image) => {
    expect(lookupImage(image)).toBeUndefined();
  });

  it("nginx ships the real default page and no /etc/hostname", () => {
    const info = lookupImage("nginx");
    const index = getAt(info?.files, ["usr", "share", "nginx", "html", "index.html"]);
    expect(index?.type === "file" && index.data).toContain("<title>Welcome to nginx!</title>");
    expect(index?.type === "file" && index.data.length).toBe(615);
    const err = getAt(info?.files, ["usr", "share", "nginx", "html", "50x.html"]);
    expect(err?.type === "file" && err.data.length).toBe(497);
    expect(getAt(info?.files, ["etc", "hostname"])).toBeUndefined();
  });

  it("hello-app has no shell", () => {
    const info = lookupImage("gcr.io/google-samples/hello-app:1.0");
    expect(getAt(info?.files, ["bin", "sh"])).toBeUndefined();
    const app = getAt(info?.files, ["hello-app"]);
    expect(app?.type === "file" && programOf(app.data)).toBe("hello-app:1.0.0");
  });

  it("digests are stable and accepted back", () => {
    const a = lookupImage("nginx");
    const b = lookupImage("nginx:1.29");
    expect(a?.imageId).toBe(b?.imageId);
    const digest = a?.imageId.split("@")[1];
    expect(lookupImage(`nginx@${digest}`)?.canonical).toBe(`docker.io/library/nginx@${digest}`);
  });

  it("every listed program is a file on the image", () => {
    const info = lookupImage("busybox");
    for (const p of info?.programs ?? []) expect(getAt(info?.files, ["bin", p])?.type).toBe("file");
  });
});
