// The Monaco chunk, requested as soon as the lesson's client code runs (not after hydration), so that
// the browser downloads and compiles it while the page hydrates.
export const loadManifestEditor = () => import("./manifest-editor").then((m) => m.ManifestEditor);

if (typeof window !== "undefined") void loadManifestEditor();
