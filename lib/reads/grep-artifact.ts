import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import { compilePattern } from "./compile-pattern.ts";
import { grepDeadline, grepLines, type TGrepMatch, type TGrepStop } from "./grep-lines.ts";
import { checkCount } from "./check-count.ts";
import { READ_LIMITS } from "./limits.ts";
import { versionLines } from "./version-lines.ts";

export type TGrepOptions = {
  pattern: string;
  version?: TVersionRef;
  context?: number;
  max?: number;
  ignoreCase?: boolean;
  /** The reading run (X-Stowage-Run): what is read is recorded among its inputs. */
  runId?: string;
};

export type TGrepResult = { artifactId: string; version: number; matches: TGrepMatch[]; truncated: boolean; stoppedBy: TGrepStop };

/** The lines of one version (the latest by default) that match an RE2 pattern, with context; bounded by `max` and a deadline. */
export async function grepArtifact(db: Db, principal: TPrincipal, id: string, options: TGrepOptions): Promise<TGrepResult> {
  checkCount(options.context, "context", 0, READ_LIMITS.maxContext);
  checkCount(options.max, "max", 1, READ_LIMITS.maxMatches);
  const pattern = compilePattern(options.pattern, options.ignoreCase ?? false);
  const { row } = await findVersionOrThrow(db, principal, id, options.version);
  await recordRunRead(db, principal, { runId: options.runId, artifactId: row.artifactId, version: row.version, versionId: row.id });
  const { matches, stoppedBy } = await grepLines(versionLines(row, READ_LIMITS.grepLineBytes), pattern, {
    context: options.context ?? 0,
    max: options.max ?? READ_LIMITS.defaultMatches,
    deadline: grepDeadline(),
  });
  return { artifactId: row.artifactId, version: row.version, matches, truncated: stoppedBy !== null, stoppedBy };
}
