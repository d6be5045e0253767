import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { validationFailed } from "../errors.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import { checkCount } from "./check-count.ts";
import { READ_LIMITS } from "./limits.ts";
import { toTextLine, versionLines, type TRawLine, type TTextLine } from "./version-lines.ts";

export type TTextOptions = {
  version?: TVersionRef;
  offset?: number;
  limit?: number;
  tail?: number;
  /** The reading run (X-Stowage-Run): what is read is recorded among its inputs. */
  runId?: string;
};

export type TTextPage = {
  artifactId: string;
  version: number;
  mimeType: string;
  sizeBytes: number;
  lines: TTextLine[];
  /** The line to pass as `offset` to continue; null when the end was reached. */
  nextOffset: number | null;
  /** How many lines the version has, when this read reached its end. */
  totalLines: number | null;
  /** The character cap, not `limit`, ended the page early. */
  truncated: boolean;
};

/**
 * Lines of a version's text, numbered from 1: `limit` lines from line `offset`, or the last `tail`
 * lines (held in a ring of `tail` entries while the file streams past). Never more than
 * maxPageChars characters of line text; at least one line when there is one.
 */
export async function readText(db: Db, principal: TPrincipal, id: string, options: TTextOptions = {}): Promise<TTextPage> {
  if (options.tail !== undefined && options.offset !== undefined)
    throw validationFailed("give offset or tail, not both", { field: "tail" });
  checkCount(options.offset, "offset", 1, Number.MAX_SAFE_INTEGER);
  checkCount(options.limit, "limit", 1, READ_LIMITS.maxLines);
  checkCount(options.tail, "tail", 1, READ_LIMITS.maxLines);
  const { row } = await findVersionOrThrow(db, principal, id, options.version);
  await recordRunRead(db, principal, { runId: options.runId, artifactId: row.artifactId, version: row.version, versionId: row.id });
  const head = { artifactId: row.artifactId, version: row.version, mimeType: row.mimeType, sizeBytes: Number(row.sizeBytes) };
  const lines = versionLines(row, READ_LIMITS.displayLineBytes);
  if (options.tail !== undefined) return { ...head, ...(await tailLines(lines, options.tail)) };
  return { ...head, ...(await pageLines(lines, options.offset ?? 1, options.limit ?? READ_LIMITS.defaultLines)) };
}

async function pageLines(lines: AsyncGenerator<TRawLine>, offset: number, limit: number) {
  const out: TTextLine[] = [];
  let chars = 0;
  let seen = 0;
  for await (const raw of lines) {
    seen = raw.line;
    if (raw.line < offset) continue;
    if (out.length === limit) return { lines: out, nextOffset: raw.line, totalLines: null, truncated: false };
    const line = toTextLine(raw);
    if (out.length > 0 && chars + line.text.length > READ_LIMITS.maxPageChars) {
      return { lines: out, nextOffset: raw.line, totalLines: null, truncated: true };
    }
    chars += line.text.length;
    out.push(line);
  }
  return { lines: out, nextOffset: null, totalLines: seen, truncated: false };
}

async function tailLines(lines: AsyncGenerator<TRawLine>, tail: number) {
  // Raw lines are copied into the ring, so it holds at most tail × displayLineBytes.
  const ring: (TRawLine | undefined)[] = new Array(tail);
  let total = 0;
  for await (const raw of lines) {
    ring[total % tail] = { ...raw, bytes: Buffer.from(raw.bytes) };
    total++;
  }
  const count = Math.min(total, tail);
  const picked: TTextLine[] = [];
  for (let i = total - count; i < total; i++) picked.push(toTextLine(ring[i % tail]!));
  // Keep the newest lines that fit the character cap.
  let chars = 0;
  let from = picked.length;
  while (from > 0 && (from === picked.length || chars + picked[from - 1]!.text.length <= READ_LIMITS.maxPageChars)) {
    chars += picked[from - 1]!.text.length;
    from--;
  }
  return { lines: picked.slice(from), nextOffset: null, totalLines: total, truncated: from > 0 };
}
