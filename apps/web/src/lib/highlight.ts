import "server-only";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

// Syntax highlighting on the server (shiki, bundled grammars and themes, no CDN): the page ships HTML.
let highlighter: Promise<HighlighterCore> | undefined;

function get(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light-default.mjs"), import("shiki/themes/github-dark-default.mjs")],
    langs: [import("shiki/langs/yaml.mjs"), import("shiki/langs/shellscript.mjs")],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** HTML for a code block, with light and dark colours (the dark ones as CSS variables). */
export async function highlight(code: string, lang: "yaml" | "shellscript"): Promise<string> {
  const h = await get();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang,
    themes: { light: "github-light-default", dark: "github-dark-default" },
    defaultColor: false,
  });
}
