import { describe, expect, it } from "vitest";
import { NGINX_INDEX_HTML } from "../images/nginx-files";
import { serveHttp } from "./serve-http";
import { containerEnv, TEST_NOW } from "./testing";
import type { HttpRequest, Listener } from "./types";

function get(path: string, host = "web", port = 80): HttpRequest {
  return { method: "GET", host, port, path };
}

const nginx: Listener = {
  port: 80,
  protocol: "TCP",
  server: "nginx",
  root: "/usr/share/nginx/html",
  version: "1.27.3",
};

describe("serveHttp", () => {
  it("nginx serves the welcome page with real headers", () => {
    const env = containerEnv({ image: "nginx" });
    const r = serveHttp(nginx, get("/"), env.fs, "web-1", TEST_NOW);
    expect(r).toMatchObject({ kind: "http", status: 200, reason: "OK", body: NGINX_INDEX_HTML });
    expect(r.kind === "http" && r.headers).toMatchObject({
      Server: "nginx/1.27.3",
      "Content-Type": "text/html",
      "Content-Length": "615",
      Date: "Mon, 25 Nov 2024 04:58:01 GMT",
    });
  });

  it.each<[string, number, string]>([
    [
      "/nope",
      404,
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n",
    ],
    [
      "/empty/",
      403,
      "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n",
    ],
    [
      "/../../etc/passwd",
      400,
      "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n",
    ],
  ])("nginx %s -> %d", (path, status, body) => {
    const env = containerEnv({ image: "nginx" });
    env.fs.mkdir("/usr/share/nginx/html/empty");
    expect(serveHttp(nginx, get(path), env.fs, "web-1")).toMatchObject({ status, body });
  });

  it("nginx redirects a directory without a slash", () => {
    const env = containerEnv({ image: "nginx" });
    env.fs.mkdir("/usr/share/nginx/html/docs");
    const r = serveHttp({ ...nginx, port: 8080 }, get("/docs", "web", 8080), env.fs, "web-1");
    expect(r.kind === "http" && [r.status, r.headers.Location]).toEqual([301, "http://web:8080/docs/"]);
  });

  it("HEAD has headers and no body", () => {
    const env = containerEnv({ image: "nginx" });
    expect(serveHttp(nginx, { ...get("/"), method: "HEAD" }, env.fs, "web-1")).toMatchObject({
      status: 200,
      body: "",
    });
  });

  it("httpd says It works! and Apache's 404", () => {
    const env = containerEnv({ image: "httpd" });
    const l: Listener = {
      port: 80,
      protocol: "TCP",
      server: "httpd",
      root: "/usr/local/apache2/htdocs",
      version: "2.4.62",
    };
    expect(serveHttp(l, get("/"), env.fs, "h")).toMatchObject({
      status: 200,
      body: "<html><body><h1>It works!</h1></body></html>\n",
    });
    expect(serveHttp(l, get("/x"), env.fs, "h")).toMatchObject({
      status: 404,
      body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
    });
  });

  it.each([
    ["1.0.0", "Hello, world!\nVersion: 1.0.0\nHostname: hello-5d8f7-abcde\n"],
    ["2.0.0", "Hello, world!\nVersion: 2.0.0\nHostname: hello-5d8f7-abcde\n"],
  ])("hello-app %s", (version, body) => {
    const env = containerEnv({ image: "gcr.io/google-samples/hello-app:1.0" });
    const r = serveHttp(
      { port: 8080, protocol: "TCP", server: "hello-app", version },
      get("/anything", "h", 8080),
      env.fs,
      "hello-5d8f7-abcde",
    );
    expect(r).toMatchObject({ status: 200, body, log: "1970/01/01 00:00:00 Serving request: /anything" });
  });

  it("python lists a directory and has Python's 404 page", () => {
    const env = containerEnv({ image: "python:3" });
    env.fs.writeFile("/tmp/a.txt", "A");
    env.fs.mkdir("/tmp/sub");
    const l: Listener = {
      port: 8000,
      protocol: "TCP",
      server: "python-http",
      root: "/tmp",
      version: "3.13.0",
    };
    const r = serveHttp(l, get("/"), env.fs, "p");
    expect(r.kind === "http" && r.body).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href="a.txt">a.txt</a></li>\n<li><a href="sub/">sub/</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
    );
    expect(serveHttp(l, get("/a.txt"), env.fs, "p")).toMatchObject({ status: 200, body: "A" });
    expect(serveHttp(l, get("/zzz"), env.fs, "p")).toMatchObject({ status: 404 });
  });

  it("redis is not HTTP", () => {
    const env = containerEnv({ image: "redis" });
    expect(serveHttp({ port: 6379, protocol: "TCP", server: "redis" }, get("/"), env.fs, "r")).toEqual({
      kind: "not-http",
    });
  });
});
