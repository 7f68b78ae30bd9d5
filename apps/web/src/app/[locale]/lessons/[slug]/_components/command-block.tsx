import { getTranslations } from "next-intl/server";
import { highlight } from "../../../../../lib/highlight";
import { RunCommandButton } from "./run-command-button";

/**
 * A fenced code block. `sh` blocks list commands; each kubectl line can be run in the terminal.
 * `text` blocks show output as it is, with no highlighting.
 */
export async function CommandBlock({ text, lang }: { text: string; lang: string }) {
  if (lang === "text" || lang === "console")
    return (
      <div className="code">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide output scrolls sideways and must be reachable by keyboard, as shiki's blocks are (WCAG 2.1.1, axe scrollable-region-focusable) */}
        <pre tabIndex={0}>
          <code>{text.replace(/\n$/, "")}</code>
        </pre>
      </div>
    );
  if (lang !== "sh" && lang !== "shell" && lang !== "bash") {
    const html = await highlight(text, lang === "yaml" ? "yaml" : "shellscript");
    return <div className="code" dangerouslySetInnerHTML={{ __html: html }} />;
  }
  const t = await getTranslations("lesson");
  const lines = text.replace(/\n$/, "").split("\n");
  return (
    <ul className="commands">
      {lines.map((line, i) => (
        <li key={i}>
          <code className="command">{line}</code>
          {/^(kubectl|k)\s/.test(line) ? (
            <RunCommandButton
              command={line}
              label={t("runCommand")}
              title={t("runCommandLabel", { command: line })}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
