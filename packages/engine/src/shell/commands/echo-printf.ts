/** echo and printf. */
import type { Program, ProgramContext } from "../program-context";
import { q } from "./common";

const MAX_REPEAT = 10_000;

/** Interprets backslash escapes; returns the text and whether \c stopped output. */
export function escapes(text: string, printfStyle = false): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== "\\" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i] as string;
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      e: "\x1b",
      "\\": "\\",
    };
    if (simple[n] !== undefined) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "0" || (printfStyle && /[0-7]/.test(n))) {
      const m = /^[0-7]{0,3}/.exec(text.slice(n === "0" && !printfStyle ? i + 1 : i));
      const digits = m?.[0] ?? "";
      out += String.fromCharCode(Number.parseInt(digits || "0", 8) & 0xff);
      i += digits.length - (n === "0" && !printfStyle ? 0 : 1);
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const dash = ctx.shellKind === "dash";
  let newline = true;
  let interpret = dash;
  while (args.length > 0) {
    const a = args[0] as string;
    if (!/^-[neE]+$/.test(a) || (dash && !/^-n+$/.test(a))) break;
    for (const f of a.slice(1)) {
      if (f === "n") newline = false;
      else if (f === "e") interpret = true;
      else interpret = false;
    }
    args.shift();
  }
  let text = args.join(" ");
  if (interpret) {
    const r = escapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.io.out.write(newline ? `${text}\n` : text);
  return 0;
};

function formatOne(
  spec: string,
  arg: string | undefined,
  ctx: ProgramContext,
): { text: string; ok: boolean } {
  const m = /^%([-+ 0#]*)(\d*)(?:\.(\d*))?([a-zA-Z%])$/.exec(spec);
  if (m === null) return { text: spec, ok: true };
  const [, flags = "", widthText = "", precText, conv = "s"] = m;
  const width = Math.min(Number(widthText || 0), 4096);
  let body: string;
  let ok = true;
  switch (conv) {
    case "s":
      body = arg ?? "";
      if (precText !== undefined) body = body.slice(0, Number(precText || 0));
      break;
    case "b":
      body = escapes(arg ?? "", true).text;
      break;
    case "c":
      body = (arg ?? "").slice(0, 1);
      break;
    case "d":
    case "i":
    case "u":
    case "x":
    case "X":
    case "o": {
      const raw = (arg ?? "0").trim();
      let n = /^[+-]?\d+$/.test(raw) ? Number(raw) : /^'./.test(raw) ? raw.charCodeAt(1) : Number.NaN;
      if (Number.isNaN(n)) {
        ctx.io.err.write(
          `printf: ${ctx.style === "gnu" ? `${q(ctx, raw)}: expected a numeric value` : `invalid number '${raw}'`}\n`,
        );
        n = 0;
        ok = false;
      }
      body =
        conv === "x"
          ? n.toString(16)
          : conv === "X"
            ? n.toString(16).toUpperCase()
            : conv === "o"
              ? n.toString(8)
              : String(Math.trunc(n));
      if (flags.includes("+") && n >= 0 && (conv === "d" || conv === "i")) body = `+${body}`;
      break;
    }
    case "f":
    case "g":
    case "e": {
      const n = Number(arg ?? "0");
      body =
        conv === "f"
          ? (Number.isNaN(n) ? 0 : n).toFixed(precText === undefined ? 6 : Number(precText || 0))
          : String(n);
      break;
    }
    case "%":
      return { text: "%", ok: true };
    default:
      return { text: spec, ok: true };
  }
  if (body.length < width) {
    if (flags.includes("-")) body = body.padEnd(width);
    else if (flags.includes("0") && conv !== "s") body = body.padStart(width, "0");
    else body = body.padStart(width);
  }
  return { text: body, ok };
}

export const printf: Program = (ctx) => {
  const [fmt, ...args] = ctx.argv.slice(1);
  if (fmt === undefined) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? "printf: missing operand\nTry 'printf --help' for more information.\n"
        : "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: printf FORMAT [ARG]...\n",
    );
    return ctx.style === "gnu" ? 1 : 2;
  }
  const specRe = /%[-+ 0#]*\d*(?:\.\d*)?[a-zA-Z%]/g;
  let i = 0;
  let status = 0;
  for (let round = 0; round < MAX_REPEAT; round++) {
    let consumed = false;
    const text = fmt.split(/(%[-+ 0#]*\d*(?:\.\d*)?[a-zA-Z%])/).map((piece) => {
      if (!specRe.test(piece)) return escapes(piece, true).text;
      specRe.lastIndex = 0;
      if (piece === "%%") return "%";
      consumed = true;
      const r = formatOne(piece, args[i++], ctx);
      if (!r.ok) status = 1;
      return r.text;
    });
    specRe.lastIndex = 0;
    ctx.io.out.write(text.join(""));
    if (!consumed || i >= args.length) break;
  }
  return status;
};
