import { parseMarkdown, type TBlock, type TInline } from "@/lib/preview/parse-markdown";

const linkClass =
  "text-sky-700 underline underline-offset-2 hover:text-sky-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";

// Document headings sit under the page's own h1 and the preview's h2.
const HEADING_TAGS = ["h3", "h4", "h5", "h6", "h6", "h6"] as const;
const HEADING_CLASSES = ["text-2xl", "text-xl", "text-lg", "text-base", "text-sm", "text-sm"];

function Inlines({ nodes }: { nodes: TInline[] }) {
  return nodes.map((node, i) => <InlineNode key={i} node={node} />);
}

function InlineNode({ node }: { node: TInline }) {
  switch (node.type) {
    case "text":
      return node.text;
    case "code":
      return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em]">{node.text}</code>;
    case "strong":
      return (
        <strong>
          <Inlines nodes={node.children} />
        </strong>
      );
    case "em":
      return (
        <em>
          <Inlines nodes={node.children} />
        </em>
      );
    case "del":
      return (
        <del>
          <Inlines nodes={node.children} />
        </del>
      );
    case "break":
      return <br />;
    case "link":
      // Unsafe targets (javascript:, data:, relative) keep their text and lose the link.
      return node.href ? (
        <a href={node.href} rel="noopener noreferrer nofollow" target="_blank" className={linkClass}>
          <Inlines nodes={node.children} />
        </a>
      ) : (
        <span>
          <Inlines nodes={node.children} />
        </span>
      );
    case "image":
      // Not loaded: a preview makes no requests to third parties on the reader's behalf.
      return node.src ? (
        <a href={node.src} rel="noopener noreferrer nofollow" target="_blank" className={linkClass}>
          [image: {node.alt || "untitled"}]
        </a>
      ) : (
        <span>[image: {node.alt || "untitled"}]</span>
      );
  }
}

function Block({ block }: { block: TBlock }) {
  switch (block.type) {
    case "heading": {
      const Tag = HEADING_TAGS[block.level - 1]!;
      return (
        <Tag className={`${HEADING_CLASSES[block.level - 1]} mt-5 mb-2 font-semibold text-slate-900 first:mt-0`}>
          <Inlines nodes={block.children} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p className="my-3 first:mt-0">
          <Inlines nodes={block.children} />
        </p>
      );
    case "code":
      return (
        <pre className="my-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
          <code>{block.text}</code>
        </pre>
      );
    case "quote":
      return (
        <blockquote className="my-3 border-l-4 border-slate-300 pl-4 text-slate-700">
          <Blocks blocks={block.children} />
        </blockquote>
      );
    case "rule":
      return <hr className="my-5 border-slate-200" />;
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i} className="my-1">
          {/* A one-paragraph item reads as a plain line (tight list). */}
          {item.length === 1 && item[0]!.type === "paragraph" ? <Inlines nodes={item[0]!.children} /> : <Blocks blocks={item} />}
        </li>
      ));
      return block.ordered ? (
        <ol start={block.start} className="my-3 list-decimal pl-6">
          {items}
        </ol>
      ) : (
        <ul className="my-3 list-disc pl-6">{items}</ul>
      );
    }
    case "table":
      return (
        <div className="my-3 overflow-x-auto">
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                {block.header.map((cell, i) => (
                  <th
                    key={i}
                    scope="col"
                    style={{ textAlign: block.align[i] ?? undefined }}
                    className="border border-slate-200 bg-slate-50 px-2 py-1 font-semibold"
                  >
                    <Inlines nodes={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={{ textAlign: block.align[i] ?? undefined }} className="border border-slate-200 px-2 py-1">
                      <Inlines nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function Blocks({ blocks }: { blocks: TBlock[] }) {
  return blocks.map((block, i) => <Block key={i} block={block} />);
}

/**
 * Markdown rendered on the server into plain React elements: no HTML string is ever injected, so
 * HTML in the document shows as text, and only http(s)/mailto links are made.
 */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="break-words text-slate-800" data-testid="markdown-preview">
      <Blocks blocks={parseMarkdown(source)} />
    </div>
  );
}
