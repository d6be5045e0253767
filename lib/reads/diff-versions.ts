import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import type { TVersionRow } from "../artifacts/serialize.ts";
import { diffLines, diffStats, toHunks } from "../preview/diff-lines.ts";
import { READ_LIMITS } from "./limits.ts";
import { renderUnifiedDiff } from "./unified-diff.ts";
import { versionLines } from "./version-lines.ts";

export type TDiffOptions = {
  from?: number;
  to?: number;
  /** The reading run (X-Stowage-Run): what is read is recorded among its inputs. */
  runId?: string;
};

export type TDiffResult = {
  artifactId: string;
  /** null: `to` is the first version, diffed against nothing. */
  from: number | null;
  to: number;
  /** A unified diff with 3 lines of context; empty when the two are the same. */
  diff: string;
  added: number;
  removed: number;
  /** The diff text was cut at maxDiffChars. */
  truncated: boolean;
};

/**
 * Two versions' text as a unified diff (the dashboard's line diff, lib/preview/diff-lines.ts).
 * `to` defaults to the latest, `from` to the version before `to`. Each side must be text within
 * maxDiffBytes and maxDiffLines, or the diff is refused with ARTIFACT_TOO_LARGE.
 */
export async function diffVersions(db: Db, principal: TPrincipal, id: string, options: TDiffOptions = {}): Promise<TDiffResult> {
  const to = await findVersionOrThrow(db, principal, id, options.to);
  const fromNumber = options.from ?? (to.row.version > 0 ? to.row.version - 1 : null);
  if (fromNumber === to.row.version) throw validationFailed("from and to are the same version", { field: "from" });
  const from = fromNumber === null ? null : (await findVersionOrThrow(db, principal, id, fromNumber)).row;
  for (const read of from ? [from, to.row] : [to.row])
    await recordRunRead(db, principal, { runId: options.runId, artifactId: read.artifactId, version: read.version, versionId: read.id });
  const [a, b] = await Promise.all([from ? readAllLines(from) : Promise.resolve([]), readAllLines(to.row)]);
  const lines = diffLines(a, b);
  const name = to.artifact.name;
  const { text, truncated } = renderUnifiedDiff(
    toHunks(lines, 3),
    { a: from ? `a/${name}@v${from.version}` : "/dev/null", b: `b/${name}@v${to.row.version}` },
    READ_LIMITS.maxDiffChars,
  );
  return { artifactId: to.row.artifactId, from: from?.version ?? null, to: to.row.version, diff: text, ...diffStats(lines), truncated };
}

async function readAllLines(row: TVersionRow): Promise<string[]> {
  const tooLarge = () =>
    new StowageError(
      "ARTIFACT_TOO_LARGE",
      `version ${row.version} is too large to diff (at most ${READ_LIMITS.maxDiffBytes} bytes and ${READ_LIMITS.maxDiffLines} lines)`,
      { version: row.version, limitBytes: READ_LIMITS.maxDiffBytes, limitLines: READ_LIMITS.maxDiffLines },
    );
  if (Number(row.sizeBytes) > READ_LIMITS.maxDiffBytes) throw tooLarge();
  const out: string[] = [];
  for await (const raw of versionLines(row, READ_LIMITS.maxDiffBytes)) {
    if (out.length === READ_LIMITS.maxDiffLines) throw tooLarge();
    out.push(raw.bytes.toString("utf8"));
  }
  return out;
}
