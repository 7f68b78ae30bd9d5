/** curl 7.88 (Debian bookworm's). */
import { isFsError } from "../../fs/fs-error";
import type { Program, ProgramContext } from "../program-context";
import { fetchUrl, header, type ParsedUrl, parseUrl, resolveLocation } from "./http-client";

export const CURL_VERSION = "7.88.1";
const METER_HEAD =
  "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n";
const METER_ZERO = "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0";

function speed(bytes: number, ms: number): string {
  const v = Math.round((bytes * 1000) / Math.max(1, ms));
  if (v < 100_000) return String(v);
  if (v < 10_000 * 1024) return `${Math.round(v / 1024)}k`;
  return `${Math.round(v / 1048576)}M`;
}

function meterDone(bytes: number, ms: number): string {
  const s = speed(bytes, ms).padStart(6);
  const b = String(bytes).padStart(5);
  return `100 ${b}  100 ${b}    0     0 ${s}      0 --:--:-- --:--:-- --:--:-- ${s.trim().padStart(5)}`;
}

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  follow: boolean;
  fail: boolean;
  output?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  writeOut?: string;
  url?: string;
}

function parseArgs(args: string[]): CurlOpts | string {
  const o: CurlOpts = {
    silent: false,
    showError: false,
    head: false,
    include: false,
    verbose: false,
    follow: false,
    fail: false,
  };
  const valueOpts: Record<string, keyof CurlOpts | "ignore"> = {
    o: "output",
    m: "maxTimeMs",
    w: "writeOut",
    H: "ignore",
    X: "ignore",
    d: "ignore",
    A: "ignore",
    u: "ignore",
  };
  const long: Record<string, string> = {
    silent: "s",
    "show-error": "S",
    head: "I",
    include: "i",
    verbose: "v",
    location: "L",
    fail: "f",
    output: "o",
    "max-time": "m",
    "write-out": "w",
    header: "H",
    request: "X",
    data: "d",
    "user-agent": "A",
    insecure: "k",
  };
  for (let i = 0; i < args.length; i++) {
    let a = args[i] as string;
    if (a === "--connect-timeout") {
      o.connectTimeoutMs = Number(args[++i]) * 1000;
      continue;
    }
    if (a.startsWith("--")) {
      const l = long[a.slice(2)];
      if (l === undefined) return a;
      a = `-${l}`;
    }
    if (!a.startsWith("-") || a === "-") {
      o.url = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const target = valueOpts[c];
      if (target !== undefined) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return a;
        if (target === "output") o.output = v;
        else if (target === "writeOut") o.writeOut = v;
        else if (target === "maxTimeMs") o.maxTimeMs = Number(v) * 1000;
        break;
      }
      if (c === "s") o.silent = true;
      else if (c === "S") o.showError = true;
      else if (c === "I") o.head = true;
      else if (c === "i") o.include = true;
      else if (c === "v") o.verbose = true;
      else if (c === "L") o.follow = true;
      else if (c === "f") o.fail = true;
      else if (c !== "k" && c !== "4" && c !== "q") return `-${c}`;
    }
  }
  return o;
}

function writeOut(fmt: string, vars: Record<string, string>): string {
  return fmt
    .replace(/%\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? m)
    .replace(/\\n/g, "\n")
    .replace(/\\t/g, "\t");
}

export const curl: Program = (ctx) => {
  const parsed = parseArgs(ctx.argv.slice(1));
  if (typeof parsed === "string") {
    ctx.io.err.write(
      `curl: option ${parsed}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
    );
    return 2;
  }
  const o = parsed;
  if (ctx.argv[1] === "--version" || ctx.argv[1] === "-V") {
    ctx.io.out.write(
      `curl ${CURL_VERSION} (x86_64-pc-linux-gnu) libcurl/${CURL_VERSION} OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13\nRelease-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8\n`,
    );
    return 0;
  }
  if (o.url === undefined) {
    ctx.io.err.write(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    return 2;
  }
  const showMeter = !o.silent && !o.verbose;
  const errorsShown = !o.silent || o.showError;
  const error = (code: number, message: string): number => {
    if (showMeter) ctx.io.err.write(`${METER_HEAD}${METER_ZERO}\n`);
    if (errorsShown) ctx.io.err.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  const parsedUrl = parseUrl(o.url);
  if (parsedUrl === undefined)
    return error(
      /^[a-z]+:\/\//i.test(o.url) ? 1 : 3,
      /^[a-z]+:\/\//i.test(o.url)
        ? `Protocol "${o.url.split(":")[0]}" not supported or disabled in libcurl`
        : "URL using bad/illegal format or missing URL",
    );
  let url: ParsedUrl = parsedUrl;
  const timeoutMs = Math.min(
    o.maxTimeMs ?? Number.POSITIVE_INFINITY,
    o.connectTimeoutMs ?? Number.POSITIVE_INFINITY,
    300_000,
  );
  let total = 0;
  for (let redirects = 0; ; redirects++) {
    if (redirects > 50) return error(47, "Maximum (50) redirects followed");
    const r = fetchUrl(ctx, url, o.head ? "HEAD" : "GET", timeoutMs, `curl/${CURL_VERSION}`);
    total += r.elapsedMs;
    ctx.rt.advance(r.elapsedMs);
    if (!r.ok) {
      if (r.stage === "resolve") {
        if (r.error === "timeout") return error(28, `Resolving timed out after ${r.elapsedMs} milliseconds`);
        return error(6, `Could not resolve host: ${url.host}`);
      }
      if (o.verbose) ctx.io.err.write(`*   Trying ${r.ip}:${url.port}...\n`);
      if (r.error === "timeout") {
        return timeoutMs < 127_000
          ? error(28, `Connection timed out after ${r.elapsedMs + 1} milliseconds`)
          : error(
              28,
              `Failed to connect to ${url.host} port ${url.port} after ${r.elapsedMs} ms: Couldn't connect to server`,
            );
      }
      return error(
        7,
        `Failed to connect to ${url.host} port ${url.port} after ${r.elapsedMs} ms: Couldn't connect to server`,
      );
    }
    if (o.verbose)
      ctx.io.err.write(
        `*   Trying ${r.ip}:${url.port}...\n* Connected to ${url.host} (${r.ip}) port ${url.port} (#0)\n`,
      );
    const res = r.response;
    if (res.kind === "not-http") return error(52, "Empty reply from server");
    if (url.scheme === "https") return error(35, "error:0A00010B:SSL routines::wrong version number");
    const hostHeader = url.explicitPort ? `${url.host}:${url.port}` : url.host;
    if (o.verbose) {
      ctx.io.err.write(
        `> ${o.head ? "HEAD" : "GET"} ${url.path} HTTP/1.1\r\n> Host: ${hostHeader}\r\n> User-Agent: curl/${CURL_VERSION}\r\n> Accept: */*\r\n> \r\n`,
      );
    }
    const headText = `HTTP/1.1 ${res.status} ${res.reason}\r\n${Object.entries(res.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("")}\r\n`;
    if (o.verbose)
      ctx.io.err.write(
        headText
          .split("\r\n")
          .slice(0, -1)
          .map((l) => `< ${l}\r\n`)
          .join(""),
      );
    const location = header(res.headers, "location");
    if (o.follow && res.status >= 300 && res.status < 400 && location !== undefined) {
      const next: ParsedUrl | undefined = resolveLocation(url, location);
      if (next !== undefined) {
        if (o.include || o.head) writeBody(ctx, o, headText);
        url = next;
        continue;
      }
    }
    if (o.fail && res.status >= 400) return error(22, `The requested URL returned error: ${res.status}`);
    const body = o.head ? "" : res.body;
    const payload = (o.include || o.head ? headText : "") + body;
    if (showMeter) ctx.io.err.write(`${METER_HEAD}\r${METER_ZERO}\r${meterDone(body.length, total)}\n`);
    const wrote = writeBody(ctx, o, payload);
    if (wrote !== 0) return wrote;
    if (o.verbose)
      ctx.io.err.write(`{ [${body.length} bytes data]\n* Connection #0 to host ${url.host} left intact\n`);
    if (o.writeOut !== undefined) {
      ctx.io.out.write(
        writeOut(o.writeOut, {
          http_code: String(res.status),
          response_code: String(res.status),
          remote_ip: r.ip,
          remote_port: String(url.port),
          size_download: String(body.length),
          time_total: (total / 1000).toFixed(6),
          url_effective: `${url.scheme}://${hostHeader}${url.path}`,
        }),
      );
    }
    return 0;
  }
};

function writeBody(ctx: ProgramContext, o: CurlOpts, payload: string): number {
  if (o.output === undefined || o.output === "-") {
    ctx.io.out.write(payload);
    return 0;
  }
  if (o.output === "/dev/null") return 0;
  try {
    ctx.fs.writeFile(o.output, payload);
    return 0;
  } catch (e) {
    if (!isFsError(e)) throw e;
    if (!o.silent || o.showError)
      ctx.io.err.write(
        `Warning: Failed to open the file ${o.output}: ${e.text}\ncurl: (23) Failure writing output to destination\n`,
      );
    return 23;
  }
}
