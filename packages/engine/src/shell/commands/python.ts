/** python3: --version, -m http.server, and a tiny subset of statements (print, time.sleep, exit). */
import { isFsError } from "../../fs/fs-error";
import type { Program, ProgramContext } from "../program-context";
import { firstPortInUse } from "./port-in-use";
import { pythonVersion } from "./servers";

const MAX_STATEMENTS = 1000;

function runSource(ctx: ProgramContext, source: string): number {
  const lines = source
    .split(/\n|;/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  for (const line of lines.slice(0, MAX_STATEMENTS)) {
    const print = /^print\(\s*(?:(["'])([\s\S]*)\1|(\d+))?\s*\)$/.exec(line);
    if (print) {
      ctx.io.out.write(`${print[2] ?? print[3] ?? ""}\n`);
      continue;
    }
    const sleep = /^(?:time\.)?sleep\(\s*(\d+(?:\.\d+)?)\s*\)$/.exec(line);
    if (sleep) {
      ctx.rt.advance(Math.round(Number(sleep[1]) * 1000));
      continue;
    }
    const exit = /^(?:sys\.)?exit\(\s*(\d*)\s*\)$/.exec(line);
    if (exit) return Number(exit[1] || "0");
    if (/^while\s+(True|1)\s*:/.test(line)) ctx.rt.block();
  }
  return 0;
}

export const python: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const version = pythonVersion(ctx);
  if (ctx.name.startsWith("pip")) {
    if (args[0] === "--version" || args[0] === "-V") {
      const minor = version.split(".").slice(0, 2).join(".");
      ctx.io.out.write(`pip 24.2 from /usr/local/lib/python${minor}/site-packages/pip (python ${minor})\n`);
      return 0;
    }
    ctx.io.err.write(
      "ERROR: Could not find a version that satisfies the requirement (from versions: none)\n",
    );
    return 1;
  }
  let unbuffered = ctx.env.PYTHONUNBUFFERED !== undefined && ctx.env.PYTHONUNBUFFERED !== "";
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--version" || a === "-V") {
      ctx.io.out.write(`Python ${version}\n`);
      return 0;
    }
    if (a === "-u") unbuffered = true;
    else if (a === "-c") return runSource(ctx, args[i + 1] ?? "");
    else if (a === "-m") return runModule(ctx, args.slice(i + 1), unbuffered);
    else if (a.startsWith("-")) continue;
    else break;
  }
  const script = args[i];
  if (script === undefined) return runSource(ctx, ctx.io.stdin);
  try {
    return runSource(ctx, ctx.fs.readFile(script));
  } catch (e) {
    if (!isFsError(e)) throw e;
    ctx.io.err.write(`${ctx.name}: can't open file '${ctx.fs.resolve(script)}': [Errno 2] ${e.text}\n`);
    return 2;
  }
};

function runModule(ctx: ProgramContext, args: string[], unbuffered: boolean): number {
  const mod = args[0];
  if (mod !== "http.server") {
    ctx.io.err.write(`/usr/local/bin/${ctx.name}: No module named ${mod ?? ""}\n`);
    return 1;
  }
  let port = 8000;
  let bind = "0.0.0.0";
  let dir = ctx.fs.cwd;
  for (let i = 1; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--bind" || a === "-b") bind = args[++i] ?? bind;
    else if (a === "--directory" || a === "-d") dir = ctx.fs.resolve(args[++i] ?? dir);
    else if (/^\d+$/.test(a)) port = Number(a);
  }
  if (firstPortInUse(ctx, [port]) !== undefined) {
    ctx.io.err.write(
      `Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\n  File "/usr/local/lib/python3.13/http/server.py", line 1323, in <module>\n    test(\n  File "/usr/local/lib/python3.13/http/server.py", line 1270, in test\n    with ServerClass(addr, HandlerClass) as httpd:\n  File "/usr/local/lib/python3.13/socketserver.py", line 457, in __init__\n    self.server_bind()\n  File "/usr/local/lib/python3.13/http/server.py", line 1317, in server_bind\n    return super().server_bind()\n  File "/usr/local/lib/python3.13/http/server.py", line 136, in server_bind\n    socketserver.TCPServer.server_bind(self)\n  File "/usr/local/lib/python3.13/socketserver.py", line 478, in server_bind\n    self.socket.bind(self.server_address)\nOSError: [Errno 98] Address already in use\n`,
    );
    return 1;
  }
  if (unbuffered) {
    const shown = bind === "0.0.0.0" ? "0.0.0.0" : bind;
    ctx.io.out.write(`Serving HTTP on ${shown} port ${port} (http://${shown}:${port}/) ...\n`);
  }
  return ctx.rt.serve([
    { port, protocol: "TCP", server: "python-http", root: dir, version: pythonVersion(ctx) },
  ]);
}
