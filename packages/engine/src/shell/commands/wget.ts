/** busybox wget. */
import { isFsError } from "../../fs/fs-error";
import { basename } from "../../fs/tree";
import type { Program, ProgramContext } from "../program-context";
import { badOption, parseOpts } from "./common";
import { fetchUrl, header, type ParsedUrl, parseUrl, resolveLocation } from "./http-client";

const DEFAULT_TIMEOUT_S = 900;

function progressLine(name: string, size: number): string {
  return `${name.slice(0, 20).padEnd(20)} 100% |${"*".repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

function die(ctx: ProgramContext, message: string): number {
  ctx.io.err.write(`wget: ${message}\n`);
  return 1;
}

export const wget: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "cqsS", "OPYUTtn", {
    continue: "c",
    quiet: "q",
    spider: "s",
    "server-response": "S",
    "output-document=": "O",
    "directory-prefix=": "P",
    "user-agent=": "U",
    "timeout=": "T",
    "tries=": "t",
    "header=": "H",
    "no-check-certificate": "k",
  });
  if (o.bad) return badOption(ctx, o.bad);
  const quiet = o.flags.has("q");
  const spider = o.flags.has("s");
  const outName = o.values.get("O");
  const timeoutText = o.values.get("T") ?? String(DEFAULT_TIMEOUT_S);
  if (!/^\d+$/.test(timeoutText)) return die(ctx, `invalid number '${timeoutText}'`);
  const timeoutMs = Number(timeoutText) * 1000;
  if (o.operands.length === 0) {
    ctx.io.err.write(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n",
    );
    return 1;
  }
  for (const raw of o.operands) {
    const parsed = parseUrl(raw);
    if (parsed === undefined) return die(ctx, `not an http or ftp url: ${raw}`);
    let url: ParsedUrl = parsed;
    for (let redirects = 0; ; redirects++) {
      if (redirects >= 5) return die(ctx, "too many redirections");
      const hostShown = url.explicitPort ? `${url.host}:${url.port}` : url.host;
      const r = fetchUrl(ctx, url, "GET", timeoutMs, "Wget");
      ctx.rt.advance(r.elapsedMs);
      if (!r.ok && r.stage === "resolve") return die(ctx, `bad address '${url.host}'`);
      if (!quiet) ctx.io.err.write(`Connecting to ${hostShown} (${r.ok ? r.ip : r.ip}:${url.port})\n`);
      if (!r.ok) {
        if (r.stage !== "connect") return 1;
        if (r.error === "timeout") {
          return timeoutMs < 127_000
            ? die(ctx, "download timed out")
            : die(ctx, `can't connect to remote host (${r.ip}): Connection timed out`);
        }
        const why =
          r.error === "refused"
            ? "Connection refused"
            : r.error === "unreachable"
              ? "No route to host"
              : "Network is unreachable";
        return die(ctx, `can't connect to remote host (${r.ip}): ${why}`);
      }
      if (url.scheme === "https") return die(ctx, "TLS error from peer (alert code 80): 80");
      const res = r.response;
      if (res.kind === "not-http") return die(ctx, "error getting response: Connection reset by peer");
      if (o.flags.has("S")) printServerResponse(ctx, res);
      if (res.status >= 300 && res.status < 400) {
        const loc = header(res.headers, "location");
        const next: ParsedUrl | undefined = loc === undefined ? undefined : resolveLocation(url, loc);
        if (next !== undefined) {
          url = next;
          continue;
        }
      }
      if (res.status >= 400 || res.status < 200)
        return die(ctx, `server returned error: HTTP/1.1 ${res.status} ${res.reason}`);
      if (spider) {
        if (!quiet) ctx.io.err.write("remote file exists\n");
        break;
      }
      if (outName === "-") {
        if (!quiet) ctx.io.err.write("writing to stdout\n");
        ctx.io.out.write(res.body);
        if (!quiet) ctx.io.err.write(`${progressLine("-", res.body.length)}written to stdout\n`);
        break;
      }
      let file = outName ?? (basename(url.path.replace(/[?#].*$/s, "")) || "index.html");
      if (outName === undefined && (url.path.endsWith("/") || file === "/")) file = "index.html";
      const dir = o.values.get("P");
      if (dir !== undefined && outName === undefined) file = `${dir.replace(/\/$/, "")}/${file}`;
      try {
        ctx.fs.writeFile(file, res.body, { exclusive: outName === undefined });
      } catch (e) {
        if (!isFsError(e)) throw e;
        return die(ctx, `can't open '${file}': ${e.text}`);
      }
      if (!quiet)
        ctx.io.err.write(
          `saving to '${file}'\n${progressLine(basename(file), res.body.length)}'${file}' saved\n`,
        );
      break;
    }
  }
  return 0;
};

/**
 * `-S`: busybox prints the status line and every header as it reads them, indented by two spaces, up
 * to and including the blank line that ends them (wget.c fgets_trim_sanitize), even with `-q`. It asks
 * with `Connection: close`, so that is what the server answers.
 */
function printServerResponse(
  ctx: ProgramContext,
  res: { status: number; reason: string; headers: Record<string, string> },
): void {
  const lines = [`HTTP/1.1 ${res.status} ${res.reason}`];
  for (const [name, value] of Object.entries(res.headers))
    lines.push(`${name}: ${name.toLowerCase() === "connection" ? "close" : value}`);
  ctx.io.err.write(`${lines.map((l) => `  ${l}\n`).join("")}  \n`);
}
