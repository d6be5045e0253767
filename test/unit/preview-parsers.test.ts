import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/preview/parse-csv";
import { parseInline, parseMarkdown, plainText, safeHref, type TBlock } from "@/lib/preview/parse-markdown";
import { decodeHead, previewKind } from "@/lib/preview/preview-kind";

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const { rows, truncated } = parseCsv('name,note\r\n"Smith, J","said ""hi""\nthen left"\nx,\n');
    expect(rows).toEqual([
      ["name", "note"],
      ["Smith, J", 'said "hi"\nthen left'],
      ["x", ""],
    ]);
    expect(truncated).toBe(false);
  });

  it("reads a last row without a newline, a BOM, and TSV", () => {
    expect(parseCsv("\ufeffa,b\n1,2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a\tb\n1\t2\n", { delimiter: "\t" }).rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("stops at maxRows and says so", () => {
    const text = Array.from({ length: 10 }, (_, i) => `${i},x`).join("\n");
    const { rows, truncated } = parseCsv(text, { maxRows: 3 });
    expect(rows).toEqual([
      ["0", "x"],
      ["1", "x"],
      ["2", "x"],
    ]);
    expect(truncated).toBe(true);
    expect(parseCsv(text, { maxRows: 10 }).truncated).toBe(false);
  });

  it("drops the cut-off last row of a partial read", () => {
    const { rows, truncated } = parseCsv("a,b\n1,2\n3,", { partial: true });
    expect(rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(truncated).toBe(true);
  });
});

describe("safeHref", () => {
  it("allows http(s) and mailto only", () => {
    expect(safeHref("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeHref(" HTTP://example.com ")).toBe("http://example.com/");
    expect(safeHref("mailto:a@example.com")).toBe("mailto:a@example.com");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>",
      "/relative",
      "//evil.example",
      "vbscript:x",
      "https://exa mple.com",
      "http:\u0000//x",
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe("parseInline", () => {
  it("reads emphasis, code, links and breaks", () => {
    expect(parseInline("a **b** *c* `d` ~~e~~ [f](https://x.test) g  \nh")).toEqual([
      { type: "text", text: "a " },
      { type: "strong", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "code", text: "d" },
      { type: "text", text: " " },
      { type: "del", children: [{ type: "text", text: "e" }] },
      { type: "text", text: " " },
      { type: "link", href: "https://x.test/", children: [{ type: "text", text: "f" }] },
      { type: "text", text: " g" },
      { type: "break" },
      { type: "text", text: "h" },
    ]);
  });

  it("keeps raw HTML as text and unsafe link targets unlinked", () => {
    expect(parseInline('<script>alert(1)</script><img src=x onerror="alert(2)">')).toEqual([
      { type: "text", text: '<script>alert(1)</script><img src=x onerror="alert(2)">' },
    ]);
    expect(parseInline("[click](javascript:alert(1))")).toEqual([
      { type: "link", href: null, children: [{ type: "text", text: "click" }] },
    ]);
    expect(parseInline("![pic](https://img.test/p.png)")).toEqual([{ type: "image", src: "https://img.test/p.png", alt: "pic" }]);
  });

  it("links bare and angle-bracket URLs, leaves snake_case and escapes alone", () => {
    expect(parseInline("see https://a.test/x.")).toEqual([
      { type: "text", text: "see " },
      { type: "link", href: "https://a.test/x", children: [{ type: "text", text: "https://a.test/x" }] },
      { type: "text", text: "." },
    ]);
    expect(parseInline("<mailto:a@b.test>")[0]).toMatchObject({ type: "link", href: "mailto:a@b.test" });
    expect(parseInline("snake_case_name and \\*not em\\*")).toEqual([{ type: "text", text: "snake_case_name and *not em*" }]);
    expect(plainText(parseInline("**bold** `x`"))).toBe("bold x");
  });

  it("stays fast on hostile input", () => {
    const started = performance.now();
    parseInline("*a _b [c `d ".repeat(20_000));
    parseInline("[".repeat(50_000) + "]".repeat(10));
    parseInline("*a _b ".repeat(40_000));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("parseMarkdown", () => {
  it("reads headings, paragraphs, code, quotes, rules, lists and tables", () => {
    const blocks = parseMarkdown(
      [
        "# Title",
        "",
        "Some *text*",
        "continued.",
        "",
        "```ts",
        "const x = '<b>';",
        "```",
        "",
        "> quoted",
        "",
        "---",
        "",
        "- one",
        "- two",
        "  - nested",
        "",
        "3. three",
        "4. four",
        "",
        "| a | b |",
        "|:--|--:|",
        "| 1 | 2 |",
        "",
        "Sub",
        "===",
      ].join("\n"),
    );
    const types = blocks.map((b) => b.type);
    expect(types).toEqual(["heading", "paragraph", "code", "quote", "rule", "list", "list", "table", "heading"]);
    expect(blocks[2]).toEqual({ type: "code", lang: "ts", text: "const x = '<b>';" });
    const bullets = blocks[5] as Extract<TBlock, { type: "list" }>;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items).toHaveLength(2);
    expect(bullets.items[1]!.map((b) => b.type)).toEqual(["paragraph", "list"]);
    const ordered = blocks[6] as Extract<TBlock, { type: "list" }>;
    expect(ordered).toMatchObject({ ordered: true, start: 3 });
    const table = blocks[7] as Extract<TBlock, { type: "table" }>;
    expect(table.align).toEqual(["left", "right"]);
    expect(table.rows).toEqual([[[{ type: "text", text: "1" }], [{ type: "text", text: "2" }]]]);
    expect(blocks[8]).toMatchObject({ type: "heading", level: 1 });
  });

  it("an unclosed fence runs to the end; HTML blocks are paragraphs of text", () => {
    expect(parseMarkdown("```\nx\ny")).toEqual([{ type: "code", lang: "", text: "x\ny" }]);
    expect(parseMarkdown("<div onclick=alert(1)>hi</div>")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "<div onclick=alert(1)>hi</div>" }] },
    ]);
  });

  it("stays fast on many blank lines inside a list", () => {
    const started = performance.now();
    parseMarkdown("- a\n" + "\n".repeat(100_000) + "b");
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("previewKind and decodeHead", () => {
  it("maps types (and vague types by file name) to previews; SVG is text", () => {
    expect(previewKind("image/png")).toBe("image");
    expect(previewKind("image/svg+xml")).toBe("text");
    expect(previewKind("application/pdf")).toBe("pdf");
    expect(previewKind("text/markdown")).toBe("markdown");
    expect(previewKind("text/csv; charset=utf-8")).toBe("csv");
    expect(previewKind("application/vnd.api+json")).toBe("json");
    expect(previewKind("text/plain", "notes.md")).toBe("markdown");
    expect(previewKind("text/html")).toBe("text");
    expect(previewKind("application/zip", "a.zip")).toBe("none");
    expect(previewKind("application/octet-stream", "blob.bin")).toBe("none");
  });

  it("drops a multi-byte character cut off by a truncated read", () => {
    const bytes = new TextEncoder().encode("ab€");
    expect(decodeHead(bytes.subarray(0, 4), true)).toBe("ab");
    expect(decodeHead(bytes, true)).toBe("ab€");
    expect(decodeHead(bytes, false)).toBe("ab€");
    const emoji = new TextEncoder().encode("x😀");
    expect(decodeHead(emoji.subarray(0, 4), true)).toBe("x");
  });
});
