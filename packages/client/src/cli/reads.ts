import type { GrepMatch } from "../reads.js";
import { int, positionalsOf, str, versionChoice } from "./args.js";
import type { Command } from "./command.js";
import { usageError } from "./exit-codes.js";
import type { Output } from "./output.js";
import { parseRef, resolveId } from "./ref.js";

const session = { type: "string", value: "ID", help: "with <namespace>/<name>: the artifact of this session" } as const;
const version = { type: "string", value: "N", help: "this version (default: the latest)" } as const;
const alias = { type: "string", value: "NAME", help: "instead of --version: the version this alias points to (production)" } as const;

export const text: Command = {
  name: "text",
  args: "<ref> [--offset N] [--limit N] [--tail N] [--version N|--alias NAME]",
  summary: "numbered lines of a version's text, a page at a time",
  details:
    "At most 2000 lines and 256 KiB per page; a note on stderr says where the next page starts (--offset). Content that is not text is refused.",
  options: {
    session,
    version,
    alias,
    offset: { type: "string", value: "N", help: "the first line, from 1 (default 1)" },
    limit: { type: "string", value: "N", help: "lines at most (default 200, at most 2000)" },
    tail: { type: "string", value: "N", help: "the last N lines instead" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(text, positionals, ["<ref>"]);
    const stowage = await client();
    const id = await resolveId(stowage, parseRef(ref!, str(values, "session")), signal);
    const page = await stowage.artifacts.text(id, {
      ...versionChoice(values),
      offset: int(values, "offset", { min: 1 }),
      limit: int(values, "limit", { min: 1 }),
      tail: int(values, "tail", { min: 1 }),
      signal,
    });
    if (out.json) return out.data(page);
    const width = String(page.lines.at(-1)?.line ?? 1).length;
    for (const line of page.lines) out.line(`${String(line.line).padStart(width)}  ${line.text}`);
    if (page.nextOffset !== null) out.note(`… more from line ${page.nextOffset} (--offset ${page.nextOffset})`);
  },
};

export const grep: Command = {
  name: "grep",
  args: "<pattern> [<ref>] [--context N] [--max N] [-i]  |  <pattern> --namespace NS --session ID",
  summary: "lines matching an RE2 pattern, in one artifact or across a session's artifacts",
  details:
    "Without <ref>, --namespace and --session search the latest version of every artifact of that session. The pattern is RE2 (no backreferences or lookaround).",
  options: {
    namespace: { type: "string", short: "n", value: "NS", help: "with --session and no <ref>: the session's namespace" },
    session: { type: "string", value: "ID", help: "the session (with <namespace>/<name>: that session's artifact)" },
    version,
    alias,
    context: { type: "string", short: "C", value: "N", help: "lines before and after each match (at most 20)" },
    max: { type: "string", short: "m", value: "N", help: "matches at most (default 50, at most 500)" },
    "ignore-case": { type: "boolean", short: "i", help: "match regardless of case" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [pattern, ref] = positionalsOf(grep, positionals, ["<pattern>", "<ref>"], 1);
    const choice = versionChoice(values);
    const options = {
      pattern: pattern!,
      context: int(values, "context"),
      max: int(values, "max", { min: 1 }),
      ignoreCase: values["ignore-case"] === true,
      signal,
    };
    const stowage = await client();
    if (ref === undefined) {
      const namespace = str(values, "namespace");
      const sessionId = str(values, "session");
      if (!namespace || !sessionId) throw usageError("give a <ref>, or --namespace and --session to search a session");
      if (choice.version !== undefined || choice.alias !== undefined) throw usageError("--version and --alias need a <ref>");
      const result = await stowage.artifacts.grepSession({ ...options, namespace, sessionId });
      if (out.json) return out.data(result);
      printMatches(out, result.matches, (m) => `${m.name}:`, Boolean(options.context));
      if (result.truncated) out.note(`stopped early (${result.stoppedBy})`);
      return result.matches.length ? 0 : 1;
    }
    const id = await resolveId(stowage, parseRef(ref, str(values, "session")), signal);
    const result = await stowage.artifacts.grep(id, { ...options, ...choice });
    if (out.json) return out.data(result);
    printMatches(out, result.matches, () => "", Boolean(options.context));
    if (result.truncated) out.note(`stopped early (${result.stoppedBy})`);
    // As grep(1): 1 when nothing matched.
    return result.matches.length ? 0 : 1;
  },
};

/** grep -n style: `N:match`, `N-context`, and with context `--` between runs that are not adjacent. */
function printMatches<M extends GrepMatch>(out: Output, matches: M[], prefix: (m: M) => string, context: boolean): void {
  const rows = new Map<string, { key: string; line: number; text: string; match: boolean }>();
  const add = (key: string, line: { line: number; text: string }, match: boolean) => {
    const id = `${key}\n${line.line}`;
    if (match || !rows.has(id)) rows.set(id, { key, ...line, match: match || (rows.get(id)?.match ?? false) });
  };
  for (const m of matches) {
    const key = prefix(m);
    for (const l of m.before) add(key, l, false);
    add(key, m, true);
    for (const l of m.after) add(key, l, false);
  }
  let previous: { key: string; line: number } | undefined;
  for (const row of rows.values()) {
    if (context && previous && (previous.key !== row.key || row.line !== previous.line + 1)) out.line("--");
    out.line(`${row.key}${row.line}${row.match ? ":" : "-"}${row.text}`);
    previous = row;
  }
}

export const diff: Command = {
  name: "diff",
  args: "<ref> [--from N|--from-alias NAME] [--to N|--to-alias NAME]",
  summary: "two versions as a unified diff (default: the latest against the one before)",
  options: {
    session,
    from: { type: "string", value: "N", help: "the old version (default: the one before --to)" },
    to: { type: "string", value: "N", help: "the new version (default: the latest)" },
    "from-alias": { type: "string", value: "NAME", help: "instead of --from: the version this alias points to" },
    "to-alias": { type: "string", value: "NAME", help: "instead of --to: the version this alias points to" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(diff, positionals, ["<ref>"]);
    const stowage = await client();
    const id = await resolveId(stowage, parseRef(ref!, str(values, "session")), signal);
    const [from, to, fromAlias, toAlias] = [int(values, "from"), int(values, "to"), str(values, "from-alias"), str(values, "to-alias")];
    if (from !== undefined && fromAlias !== undefined) throw usageError("give --from or --from-alias, not both");
    if (to !== undefined && toAlias !== undefined) throw usageError("give --to or --to-alias, not both");
    const result = await stowage.artifacts.diff(id, { from, to, fromAlias, toAlias, signal });
    if (out.json) return out.data(result);
    if (result.diff) out.stdout.write(result.diff);
    if (result.truncated) out.note("the diff was cut at 1 MiB");
  },
};

export const append: Command = {
  name: "append",
  args: "<ref> [TEXT|-]",
  summary: "publish the next version: the latest one plus TEXT (or stdin)",
  details: "TEXT is appended as given (add the newline yourself); without TEXT, or with -, stdin is read. The artifact must exist.",
  options: { session },
  async run({ values, positionals, out, signal, client }) {
    const [ref, given] = positionalsOf(append, positionals, ["<ref>", "TEXT|-"], 1);
    const data = given === undefined || given === "-" ? await readStdin() : new TextEncoder().encode(given);
    const stowage = await client();
    const id = await resolveId(stowage, parseRef(ref!, str(values, "session")), signal);
    const published = await stowage.artifacts.append(id, data, { signal });
    if (out.json) return out.data(published);
    out.line(
      `${published.artifact.namespace}/${published.artifact.name}  v${published.version.version}  ${published.version.sizeBytes} bytes`,
    );
  },
};

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
