// Monaco from the installed monaco-editor package (never a CDN), with the editor's features, YAML
// highlighting and monaco-yaml's language service, each in a worker bundled with the app.
// The editor features a manifest editor needs (a subset of editor.all.js: no diff editor, inline
// completions, color picker, code lens, sticky scroll, … which would only make the page slower).
import "monaco-editor/esm/vs/editor/browser/coreCommands.js";
import "monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js";
import "monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js";
import "monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/esm/vs/editor/contrib/find/browser/findController.js";
import "monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js";
import "monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization.js";
import "monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/esm/vs/editor/common/standaloneStrings.js";
import "monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import { configureMonacoYaml, type MonacoYaml } from "monaco-yaml";

let yaml: MonacoYaml | undefined;
performance.mark("kubejam:monaco-loaded");

/**
 * Monaco rejects a pending request (a hover, a worker call, a debounced validation) with an error named
 * `Canceled` when a newer one or a model switch makes it moot. That is not a failure, but nothing
 * awaits those promises, so the browser would report an uncaught rejection; mark them handled.
 */
function ignoreMonacoCancellations(): void {
  window.addEventListener("unhandledrejection", (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.name === "Canceled" && reason.message === "Canceled")
      event.preventDefault();
  });
}

export const SCHEMA_URI = "kubejam://schemas/manifest.json";

export function setupMonaco(): { monaco: typeof monaco; yaml: MonacoYaml } {
  if (!yaml) {
    ignoreMonacoCancellations();
    (globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
      getWorker(_workerId: string, label: string) {
        if (label === "yaml") return new Worker(new URL("monaco-yaml/yaml.worker.js", import.meta.url));
        return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url));
      },
    };
    loader.config({ monaco });
    yaml = configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      completion: true,
      hover: true,
      validate: true,
      schemas: [],
    });
  }
  return { monaco, yaml };
}

/** Gives every YAML file in the workspace the manifest schema (from the engine, via the worker). */
export function applySchema(schema: object): void {
  setupMonaco().yaml.update({
    schemas: [
      { uri: SCHEMA_URI, fileMatch: ["**/*.yaml", "**/*.yml", "*.yaml", "*.yml"], schema: schema as never },
    ],
  });
}

export const modelUri = (file: string) => monaco.Uri.parse(`file:///workspace/${file}`);
export const fileOfModel = (uri: { path: string }) => uri.path.replace(/^\/workspace\//, "");
