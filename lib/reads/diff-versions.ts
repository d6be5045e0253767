import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { selectVersionBefore } from "../artifacts/select-version-before.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import type { TVersionRow } from "../artifacts/serialize.ts";
import { READ_LIMITS } from "./limits.ts";
import { unifiedDiff } from "./unified-diff.ts";
import { versionLines } from "./version-lines.ts";

export type TDiffOptions = {
  from?: TVersionRef;
  to?: TVersionRef;
  /** The reading run (X-Stowage-Run): what is read is recorded among its inputs. */
  runId?: string;
};

export type TDiffResult = {
  artifactId: string;
  /** null: no older version of `to` exists (left out `from` only), so `to` was diffed against nothing. */
  from: number | null;
  to: number;
  /** A unified diff with 3 lines of context, as `diff -u` writes it; empty when the two texts are the same. */
  diff: string;
  added: number;
  removed: number;
  /** The diff text was cut at maxDiffChars. */
  truncated: boolean;
};

/**
 * Two versions' text as a unified diff (the dashboard's line diff, lib/preview/diff-lines.ts),
 * byte-exact as `diff -u` writes it (line endings kept, "\ No newline at end of file").
 * `to` defaults to the latest; `from` to the newest version older than `to` that still exists
 * (versions can be deleted one by one), or to nothing when there is none. An explicit `from` that
 * does not exist is 404. Each side must be text within maxDiffBytes and maxDiffLines, or the
 * diff is refused with ARTIFACT_TOO_LARGE.
 */
export async function diffVersions(db: Db, principal: TPrincipal, id: string, options: TDiffOptions = {}): Promise<TDiffResult> {
  const to = await findVersionOrThrow(db, principal, id, options.to);
  if (options.from !== undefined && options.from === to.row.version)
    throw validationFailed("from and to are the same version", { field: "from" });
  const from =
    options.from === undefined
      ? await selectVersionBefore(db, to.row.artifactId, to.row.version)
      : (await findVersionOrThrow(db, principal, id, options.from)).row;
  for (const read of from ? [from, to.row] : [to.row])
    await recordRunRead(db, principal, { runId: options.runId, artifactId: read.artifactId, version: read.version, versionId: read.id });
  const [a, b] = await Promise.all([from ? readAllLines(from) : Promise.resolve([]), readAllLines(to.row)]);
  const name = to.artifact.name;
  const { text, truncated, added, removed } = unifiedDiff(
    a,
    b,
    { a: from ? `a/${name}@v${from.version}` : "/dev/null", b: `b/${name}@v${to.row.version}` },
    READ_LIMITS.maxDiffChars,
  );
  return { artifactId: to.row.artifactId, from: from?.version ?? null, to: to.row.version, diff: text, added, removed, truncated };
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
    // With its line ending, so the diff sees a changed ending (and a missing final newline) as diff(1) does.
    out.push(raw.bytes.toString("utf8") + raw.ending);
  }
  return out;
}
