import type { LessonManifest } from "@kubejam/content";
import { evaluate } from "@mdx-js/mdx";
import type { ComponentProps, ReactElement, ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { Callout } from "./callout";
import { CommandBlock } from "./command-block";
import { ManifestBlock } from "./manifest-block";

function isElement(node: ReactNode): node is ReactElement<{ className?: string; children?: ReactNode }> {
  return typeof node === "object" && node !== null && "props" in node;
}

/** The lesson's MDX (with GitHub's tables and task lists), rendered on the server with the lesson's own components. */
export async function LessonBody({ source, manifests }: { source: string; manifests: LessonManifest[] }) {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    development: false,
    remarkPlugins: [remarkGfm],
  });
  const components = {
    Manifest: ({ file }: { file: string }) => {
      const m = manifests.find((x) => x.name === file);
      return m ? <ManifestBlock file={m.name} text={m.text} /> : null;
    },
    Callout,
    pre: ({ children }: ComponentProps<"pre">) => {
      const code = isElement(children) ? children : undefined;
      const text = typeof code?.props.children === "string" ? code.props.children : "";
      const lang = /language-(\w+)/.exec(code?.props.className ?? "")?.[1] ?? "";
      return <CommandBlock text={text} lang={lang} />;
    },
  };
  return (
    <div className="lesson-body">
      <Content components={components} />
    </div>
  );
}
