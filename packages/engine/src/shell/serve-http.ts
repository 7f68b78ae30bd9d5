/** What the simulated servers answer to an HTTP request. */
import type { ContainerFs } from "../fs/container-fs";
import { basename } from "../fs/tree";
import { dayName, monthName, pad, utcParts } from "./commands/common";
import { formatDate } from "./commands/system";
import type { HttpRequest, HttpResponse, Listener } from "./types";

const REASONS: Record<number, string> = {
  200: "OK",
  301: "Moved Permanently",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
};

const MIME: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  js: "application/javascript",
  json: "application/json",
  txt: "text/plain",
  xml: "text/xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
};

function mimeOf(path: string, fallback: string): string {
  const ext = /\.([a-zA-Z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return MIME[ext] ?? fallback;
}

/** "Mon, 25 Nov 2024 04:58:01 GMT". */
export function httpDate(ms: number): string {
  const t = utcParts(ms);
  return `${dayName(t.wd)}, ${pad(t.d)} ${monthName(t.mo)} ${t.y} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} GMT`;
}

type Target =
  | { kind: "file"; path: string; data: string }
  | { kind: "dir"; path: string }
  | { kind: "missing" }
  | { kind: "bad" };

function decodePath(raw: string): string | undefined {
  const path = raw.replace(/[?#].*$/s, "");
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Maps a URL path under a document root; ".." that escapes the root is a bad request. */
function locate(fs: ContainerFs, root: string, urlPath: string): Target {
  const decoded = decodePath(urlPath);
  if (decoded === undefined || !decoded.startsWith("/")) return { kind: "bad" };
  let depth = 0;
  for (const seg of decoded.split("/")) {
    if (seg === "..") depth--;
    else if (seg !== "" && seg !== ".") depth++;
    if (depth < 0) return { kind: "bad" };
  }
  const path = `${root === "/" ? "" : root}${decoded}`;
  try {
    const st = fs.stat(path);
    if (st.type === "dir") return { kind: "dir", path: fs.resolve(path) };
    return { kind: "file", path, data: fs.readFile(path) };
  } catch {
    return { kind: "missing" };
  }
}

function indexIn(fs: ContainerFs, dir: string, names: string[]): { path: string; data: string } | undefined {
  for (const n of names) {
    const p = `${dir === "/" ? "" : dir}/${n}`;
    try {
      if (fs.stat(p).type === "file") return { path: p, data: fs.readFile(p) };
    } catch {}
  }
  return undefined;
}

function response(
  status: number,
  headers: Record<string, string>,
  body: string,
  req: HttpRequest,
  log?: string,
): HttpResponse {
  const res: HttpResponse = {
    kind: "http",
    status,
    reason: REASONS[status] ?? "Unknown",
    headers,
    body: req.method === "HEAD" ? "" : body,
  };
  if (log !== undefined) res.log = log;
  return res;
}

function hostPort(req: HttpRequest, listener: Listener): string {
  return listener.port === 80 ? req.host : `${req.host}:${listener.port}`;
}

function nginxError(status: number, version: string): string {
  const title = `${status} ${REASONS[status] ?? ""}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function serveNginx(l: Listener, req: HttpRequest, fs: ContainerFs, now: number): HttpResponse {
  const version = l.version ?? "1.27.3";
  const base = { Server: `nginx/${version}`, Date: httpDate(now) };
  const log = (status: number, bytes: number): string =>
    `${req.clientIp ?? "127.0.0.1"} - - [${formatDate("%d/%b/%Y:%H:%M:%S +0000", now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${req.userAgent ?? "-"}" "-"`;
  const error = (status: number, extra: Record<string, string> = {}): HttpResponse => {
    const body = nginxError(status, version);
    return response(
      status,
      {
        ...base,
        "Content-Type": "text/html",
        "Content-Length": String(body.length),
        Connection: "keep-alive",
        ...extra,
      },
      body,
      req,
      log(status, body.length),
    );
  };
  let target = locate(fs, l.root ?? "/usr/share/nginx/html", req.path);
  if (target.kind === "bad") return error(400);
  if (target.kind === "dir") {
    if (!req.path.replace(/[?#].*$/s, "").endsWith("/"))
      return error(301, { Location: `http://${hostPort(req, l)}${req.path}/` });
    const index = indexIn(fs, target.path, ["index.html", "index.htm"]);
    if (index === undefined) return error(fs.exists(target.path) ? 403 : 404);
    target = { kind: "file", ...index };
  }
  if (target.kind !== "file") return error(404);
  const body = target.data;
  return response(
    200,
    {
      ...base,
      "Content-Type": mimeOf(target.path, "application/octet-stream"),
      "Content-Length": String(body.length),
      "Last-Modified": httpDate(now),
      Connection: "keep-alive",
      ETag: `"${Math.floor(now / 1000).toString(16)}-${body.length.toString(16)}"`,
      "Accept-Ranges": "bytes",
    },
    body,
    req,
    log(200, body.length),
  );
}

function httpdError(status: number, message: string): string {
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${REASONS[status]}</title>\n</head><body>\n<h1>${REASONS[status]}</h1>\n<p>${message}</p>\n</body></html>\n`;
}

function serveHttpd(l: Listener, req: HttpRequest, fs: ContainerFs, now: number): HttpResponse {
  const base = { Date: httpDate(now), Server: `Apache/${l.version ?? "2.4.62"} (Unix)` };
  const log = (status: number, bytes: number): string =>
    `${req.clientIp ?? "127.0.0.1"} - - [${formatDate("%d/%b/%Y:%H:%M:%S +0000", now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes === 0 ? "-" : bytes}`;
  const error = (status: number, message: string, extra: Record<string, string> = {}): HttpResponse => {
    const body = httpdError(status, message);
    return response(
      status,
      {
        ...base,
        ...extra,
        "Content-Length": String(body.length),
        "Content-Type": "text/html; charset=iso-8859-1",
      },
      body,
      req,
      log(status, body.length),
    );
  };
  let target = locate(fs, l.root ?? "/usr/local/apache2/htdocs", req.path);
  if (target.kind === "bad")
    return error(400, "Your browser sent a request that this server could not understand.<br />");
  if (target.kind === "missing") return error(404, "The requested URL was not found on this server.");
  if (target.kind === "dir") {
    const clean = decodePath(req.path) ?? "/";
    if (!clean.endsWith("/")) {
      const loc = `http://${hostPort(req, l)}${clean}/`;
      return error(301, `The document has moved <a href="${loc}">here</a>.`, { Location: loc });
    }
    const index = indexIn(fs, target.path, ["index.html"]);
    if (index === undefined) {
      const dirPath = target.path;
      const items = fs.readdir(dirPath).map((n) => {
        const shown = isDir(fs, `${dirPath}/${n}`) ? `${n}/` : n;
        return `<li><a href="${shown}"> ${shown}</a></li>\n`;
      });
      const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${clean}</title>\n </head>\n <body>\n<h1>Index of ${clean}</h1>\n<ul>${clean === "/" ? "" : `<li><a href="${clean.replace(/[^/]+\/$/, "")}"> Parent Directory</a></li>\n`}${items.join("")}</ul>\n</body></html>\n`;
      return response(
        200,
        { ...base, "Content-Length": String(body.length), "Content-Type": "text/html;charset=ISO-8859-1" },
        body,
        req,
        log(200, body.length),
      );
    }
    target = { kind: "file", ...index };
  }
  const body = target.data;
  return response(
    200,
    {
      ...base,
      "Last-Modified": httpDate(now),
      ETag: `"${body.length.toString(16)}-${Math.floor(now / 1000).toString(16)}"`,
      "Accept-Ranges": "bytes",
      "Content-Length": String(body.length),
      "Content-Type": mimeOf(target.path, "text/plain"),
    },
    body,
    req,
    log(200, body.length),
  );
}

function isDir(fs: ContainerFs, path: string): boolean {
  try {
    return fs.stat(path).type === "dir";
  } catch {
    return false;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function servePython(l: Listener, req: HttpRequest, fs: ContainerFs, now: number): HttpResponse {
  const base = { Server: `SimpleHTTP/0.6 Python/${l.version ?? "3.13.0"}`, Date: httpDate(now) };
  const log = (status: number): string =>
    `${req.clientIp ?? "127.0.0.1"} - - [${formatDate("%d/%b/%Y %H:%M:%S", now)}] "${req.method} ${req.path} HTTP/1.1" ${status} -`;
  const notFound = (): HttpResponse => {
    const body =
      '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n';
    return response(
      404,
      {
        ...base,
        Connection: "close",
        "Content-Type": "text/html;charset=utf-8",
        "Content-Length": String(body.length),
      },
      body,
      req,
      log(404),
    );
  };
  const target = locate(fs, l.root ?? "/", req.path);
  if (target.kind === "missing" || target.kind === "bad") return notFound();
  if (target.kind === "dir") {
    const clean = req.path.replace(/[?#].*$/s, "");
    if (!clean.endsWith("/"))
      return response(301, { ...base, Location: `${clean}/`, "Content-Length": "0" }, "", req, log(301));
    const index = indexIn(fs, target.path, ["index.html", "index.htm"]);
    if (index !== undefined) return pyFile(index.path, index.data);
    const display = escapeHtml(decodePath(clean) ?? clean);
    const names = fs
      .readdir(target.path)
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const items = names.map((n) => {
      const shown = isDir(fs, `${target.path}/${n}`) ? `${n}/` : n;
      return `<li><a href="${encodeURI(shown)}">${escapeHtml(shown)}</a></li>`;
    });
    const title = `Directory listing for ${display}`;
    const body = `${["<!DOCTYPE HTML>", '<html lang="en">', "<head>", '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, "<hr>\n<ul>", ...items, "</ul>\n<hr>\n</body>\n</html>\n"].join("\n")}`;
    return response(
      200,
      { ...base, "Content-type": "text/html; charset=utf-8", "Content-Length": String(body.length) },
      body,
      req,
      log(200),
    );
  }
  return pyFile(target.path, target.data);

  function pyFile(path: string, data: string): HttpResponse {
    return response(
      200,
      {
        ...base,
        "Content-type": mimeOf(basename(path), "application/octet-stream"),
        "Content-Length": String(data.length),
        "Last-Modified": httpDate(now),
      },
      data,
      req,
      log(200),
    );
  }
}

/** The answer of the server behind `listener` (fs is the serving container's file system). */
export function serveHttp(
  listener: Listener,
  req: HttpRequest,
  fs: ContainerFs,
  hostname: string,
  now = 0,
): HttpResponse {
  switch (listener.server) {
    case "redis":
    case "dns":
    case "metrics":
      return { kind: "not-http" };
    case "nginx":
      return serveNginx(listener, req, fs, now);
    case "httpd":
      return serveHttpd(listener, req, fs, now);
    case "python-http":
      return servePython(listener, req, fs, now);
    case "hello-app": {
      const body = `Hello, world!\nVersion: ${listener.version ?? "1.0.0"}\nHostname: ${hostname}\n`;
      return response(
        200,
        {
          Date: httpDate(now),
          "Content-Length": String(body.length),
          "Content-Type": "text/plain; charset=utf-8",
        },
        body,
        req,
        `${formatDate("%Y/%m/%d %H:%M:%S", now)} Serving request: ${decodePath(req.path) ?? req.path}`,
      );
    }
  }
}
