import { getTranslations } from "next-intl/server";
import { highlight } from "../../../../../lib/highlight";
import { OpenInEditorButton } from "./open-in-editor-button";

/** A manifest from the lesson's folder, highlighted on the server, with a button that opens it in the editor. */
export async function ManifestBlock({ file, text }: { file: string; text: string }) {
  const t = await getTranslations("lesson");
  const html = await highlight(text, "yaml");
  return (
    <figure className="manifest-block">
      <figcaption>
        <code>{file}</code>
        <OpenInEditorButton
          file={file}
          text={text}
          label={t("openInEditor")}
          title={t("openInEditorLabel", { file })}
        />
      </figcaption>
      {/* shiki's output: trusted HTML built from the repository's own files */}
      <div className="code" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
