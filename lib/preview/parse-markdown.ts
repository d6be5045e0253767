// A small Markdown reader (CommonMark's common parts plus GFM tables, strikethrough and bare
// links) that yields a tree, never HTML: the page renders the tree as React elements, so raw HTML
// in a document is only ever text, and links are kept only when they are http(s) or mailto.

export type TInline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em" | "del"; children: TInline[] }
  /** `href` is null when the target is not http(s) or mailto: the text is shown, unlinked. */
  | { type: "link"; href: string | null; children: TInline[] }
  /** Images are not loaded (no requests to third parties from a preview): shown as a link. */
  | { type: "image"; src: string | null; alt: string }
  | { type: "break" };

export type TAlign = "left" | "center" | "right" | null;

export type TBlock =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: TInline[] }
  | { type: "paragraph"; children: TInline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "quote"; children: TBlock[] }
  | { type: "list"; ordered: boolean; start: number; items: TBlock[][] }
  | { type: "table"; align: TAlign[]; header: TInline[][]; rows: TInline[][][] }
  | { type: "rule" };

const MAX_DEPTH = 20;
/** How far ahead a closing delimiter or bracket is looked for: keeps parsing linear on hostile input. */
const WINDOW = 1000;
/** How many candidate closing delimiters one opening one tries. */
const MAX_CLOSE_ATTEMPTS = 20;

/** The href to use for a link target, or null when it is not an http(s) or mailto URL. */
export function safeHref(raw: string): string | null {
  const target = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(target) || /[\s\u0000-\u001f\u007f]/.test(target)) return null;
  try {
    const url = new URL(target);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function parseMarkdown(source: string): TBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, "\n").split("\n"), 0);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+(.*))?$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const isBlank = (line: string) => line.trim() === "";

/** Whether a line begins a block that ends a paragraph. */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || /^ {0,3}([-*+]|1[.)])[ \t]+\S/.test(line);
}

function parseBlocks(lines: string[], depth: number): TBlock[] {
  const blocks: TBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`).test(lines[i]!))
        body.push(lines[i++]!);
      i++;
      blocks.push({ type: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1]!.length as 1, children: parseInline(heading[2] ?? "") });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }

    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push(
        depth < MAX_DEPTH
          ? { type: "quote", children: parseBlocks(inner, depth + 1) }
          : { type: "paragraph", children: parseInline(inner.join("\n")) },
      );
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item && depth < MAX_DEPTH) {
      i = parseList(lines, i, depth, blocks);
      continue;
    }

    if (line.includes("|") && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes("-")) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1]!).map((cell): TAlign => {
        const c = cell.trim();
        return c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : null;
      });
      i += 2;
      const rows: TInline[][][] = [];
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes("|")) {
        const cells = splitRow(lines[i++]!);
        rows.push(header.map((_, c) => parseInline(cells[c] ?? "")));
      }
      blocks.push({ type: "table", align: header.map((_, c) => align[c] ?? null), header: header.map((h) => parseInline(h)), rows });
      continue;
    }

    const para: string[] = [line];
    i++;
    let setext: 1 | 2 | null = null;
    while (i < lines.length && !isBlank(lines[i]!)) {
      const next = lines[i]!;
      const underline = SETEXT.exec(next);
      if (underline) {
        setext = underline[1]![0] === "=" ? 1 : 2;
        i++;
        break;
      }
      if (startsBlock(next)) break;
      para.push(next);
      i++;
    }
    const children = parseInline(para.map((l) => l.replace(/^[ \t]+/, "")).join("\n"));
    blocks.push(setext ? { type: "heading", level: setext, children } : { type: "paragraph", children });
  }
  return blocks;
}

/** A list starting at `start`; its items' lines (unindented) are parsed as blocks. Returns the next line. */
function parseList(lines: string[], start: number, depth: number, blocks: TBlock[]): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const markerKind = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: TBlock[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (!m || (ordered ? !/\d/.test(m[2]!) || m[2]!.slice(-1) !== markerKind : m[2] !== markerKind)) break;
    const contentIndent = m[1]!.length + m[2]!.length + 1;
    const itemLines = [m[4] ?? ""];
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      const indent = /^[ \t]*/.exec(next)![0].replace(/\t/g, "    ").length;
      if (isBlank(next)) {
        // Blank lines continue the item only when indented content follows them.
        let j = i;
        while (j < lines.length && isBlank(lines[j]!)) j++;
        if (j === lines.length || /^[ \t]*/.exec(lines[j]!)![0].replace(/\t/g, "    ").length < contentIndent) break;
        while (i < j) {
          itemLines.push("");
          i++;
        }
        continue;
      }
      if (indent >= contentIndent) {
        itemLines.push(next.replace(/^[ \t]+/, (ws) => " ".repeat(Math.max(0, ws.replace(/\t/g, "    ").length - contentIndent))));
        i++;
        continue;
      }
      // Lazy continuation: an unindented line that does not start anything new extends the item's text.
      if (!startsBlock(next) && !LIST_ITEM.test(next) && !isBlank(itemLines[itemLines.length - 1]!)) {
        itemLines.push(next.trimStart());
        i++;
        continue;
      }
      break;
    }
    items.push(parseBlocks(itemLines, depth + 1));
    // Blank lines between items keep the list going.
    if (i < lines.length && isBlank(lines[i]!)) {
      let j = i;
      while (j < lines.length && isBlank(lines[j]!)) j++;
      if (j < lines.length && LIST_ITEM.test(lines[j]!)) i = j;
    }
  }
  blocks.push({ type: "list", ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items });
  return i;
}

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\" && s[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (s[i] === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += s[i];
  }
  cells.push(cell.trim());
  return cells;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i;
const BARE_URL = /^https?:\/\/[^\s<]*[^\s<.,:;"')\]*_~!?]/i;

/** Inline Markdown to a tree; anything that is not markup stays text, exactly as written. */
export function parseInline(source: string, depth = 0): TInline[] {
  const out: TInline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  const push = (node: TInline) => {
    flush();
    out.push(node);
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const rest = () => source.slice(i, i + WINDOW);

    if (c === "\\" && i + 1 < source.length) {
      if (source[i + 1] === "\n") {
        push({ type: "break" });
        i += 2;
        continue;
      }
      if (PUNCTUATION.test(source[i + 1]!)) {
        text += source[i + 1];
        i += 2;
        continue;
      }
    }

    if (c === "\n") {
      // Looks at the source, not the accumulated text: reading the end of a growing string copies it.
      if (source[i - 1] === " " && source[i - 2] === " ") {
        text = text.replace(/ +$/, "");
        push({ type: "break" });
      } else text += "\n";
      i++;
      continue;
    }

    if (c === "`") {
      const run = /^`+/.exec(rest())![0];
      const close = findCodeClose(source, i + run.length, run.length);
      if (close >= 0) {
        let code = source.slice(i + run.length, close).replace(/\n/g, " ");
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        push({ type: "code", text: code });
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }

    if ((c === "[" || (c === "!" && source[i + 1] === "[")) && depth < MAX_DEPTH) {
      const open = c === "!" ? i + 1 : i;
      const link = readLink(source, open);
      if (link) {
        if (c === "!") push({ type: "image", src: safeHref(link.target), alt: plainText(parseInline(link.label, depth + 1)) });
        else push({ type: "link", href: safeHref(link.target), children: parseInline(link.label, depth + 1) });
        i = link.end;
        continue;
      }
    }

    if (c === "<") {
      const auto = AUTOLINK.exec(rest());
      if (auto) {
        push({ type: "link", href: safeHref(auto[1]!), children: [{ type: "text", text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }

    if ((c === "h" || c === "H") && !/[\p{L}\p{N}]/u.test(source[i - 1] ?? "")) {
      const bare = BARE_URL.exec(rest());
      if (bare) {
        push({ type: "link", href: safeHref(bare[0]), children: [{ type: "text", text: bare[0] }] });
        i += bare[0].length;
        continue;
      }
    }

    if ((c === "*" || c === "_" || c === "~") && depth < MAX_DEPTH) {
      const emphasis = readEmphasis(source, i, source[i - 1] ?? "");
      if (emphasis) {
        push({ type: emphasis.type, children: parseInline(emphasis.inner, depth + 1) });
        i = emphasis.end;
        continue;
      }
    }

    text += c;
    i++;
  }
  flush();
  return out;
}

function findCodeClose(source: string, from: number, length: number): number {
  let i = from;
  while (i < source.length) {
    const at = source.indexOf("`", i);
    if (at < 0 || at > from + WINDOW) return -1;
    let run = 0;
    while (source[at + run] === "`") run++;
    if (run === length) return at;
    i = at + run;
  }
  return -1;
}

/** `[label](target "title")` starting at the `[`; null when it is not a complete link. */
function readLink(source: string, open: number): { label: string; target: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = open; j < Math.min(source.length, open + WINDOW); j++) {
    const ch = source[j];
    if (ch === "\\") {
      j++;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(source.slice(j))![0].length;
      const end = findCodeClose(source, j + run, run);
      if (end >= 0) j = end + run - 1;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close < 0 || source[close + 1] !== "(") return null;
  const dest = /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/.exec(source.slice(close + 1));
  if (!dest) return null;
  const target = dest[1]!.startsWith("<") ? dest[1]!.slice(1, -1) : dest[1]!;
  return { label: source.slice(open + 1, close), target, end: close + 1 + dest[0].length };
}

/** `**strong**`, `__strong__`, `*em*`, `_em_`, `~~del~~` starting at `i`; null when unclosed. */
function readEmphasis(source: string, i: number, before: string): { type: "strong" | "em" | "del"; inner: string; end: number } | null {
  const c = source[i]!;
  const double = source[i + 1] === c;
  if (c === "~" && !double) return null;
  const delimiter = double ? c + c : c;
  const start = i + delimiter.length;
  // Opening delimiters are followed by non-space; `_` does not open inside a word (snake_case).
  if (start >= source.length || /\s/.test(source[start]!)) return null;
  if (c === "_" && /[\p{L}\p{N}]/u.test(before)) return null;
  let j = start;
  for (let attempt = 0; attempt < MAX_CLOSE_ATTEMPTS && j < source.length; attempt++) {
    const at = source.indexOf(delimiter, j);
    if (at < 0 || at > start + WINDOW) return null;
    const after = source[at + delimiter.length];
    const closes = at > start && !/\s/.test(source[at - 1]!) && (c !== "_" || after === undefined || !/[\p{L}\p{N}]/u.test(after));
    // A single `*` must not close on half of a `**`.
    const halfOfDouble = !double && source[at + 1] === c;
    if (closes && !halfOfDouble)
      return { type: c === "~" ? "del" : double ? "strong" : "em", inner: source.slice(start, at), end: at + delimiter.length };
    j = at + (halfOfDouble ? 2 : 1);
  }
  return null;
}

/** The text of inline nodes without markup (image alt text). */
export function plainText(nodes: TInline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case "text":
        case "code":
          return n.text;
        case "break":
          return " ";
        case "image":
          return n.alt;
        default:
          return plainText(n.children);
      }
    })
    .join("");
}
