import "server-only";
import type { RE2JS } from "re2js";
import { READ_LIMITS } from "./limits.ts";
import { toTextLine, type TRawLine, type TTextLine } from "./version-lines.ts";

export type TGrepMatch = TTextLine & { before: TTextLine[]; after: TTextLine[] };

export type TGrepStop = "max" | "deadline" | null;

/**
 * Matches `pattern` against each line (its first grepLineBytes), keeping `context` lines before
 * and after each match, until `max` matches or the deadline. Context lines may repeat between
 * close matches, as each match carries its own.
 */
export async function grepLines(
  lines: AsyncIterable<TRawLine>,
  pattern: RE2JS,
  o: { context: number; max: number; deadline: number },
): Promise<{ matches: TGrepMatch[]; stoppedBy: TGrepStop }> {
  const matches: TGrepMatch[] = [];
  const before: TTextLine[] = [];
  // Matches still collecting their after-context.
  let open: TGrepMatch[] = [];
  for await (const raw of lines) {
    if (Date.now() > o.deadline) return { matches, stoppedBy: "deadline" };
    const text = raw.bytes.toString("utf8");
    const hit = matches.length < o.max && pattern.test(text);
    if (open.length > 0 || hit || o.context > 0) {
      const shown = toTextLine(raw);
      for (const m of open) m.after.push(shown);
      open = open.filter((m) => m.after.length < o.context);
      if (hit) {
        const match: TGrepMatch = { ...shown, before: [...before], after: [] };
        matches.push(match);
        if (o.context > 0) open.push(match);
      }
      if (o.context > 0) {
        before.push(shown);
        if (before.length > o.context) before.shift();
      }
    }
    if (matches.length >= o.max && open.length === 0) return { matches, stoppedBy: "max" };
  }
  return { matches, stoppedBy: null };
}

export const grepDeadline = () => Date.now() + READ_LIMITS.grepDeadlineMs;
