import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { StowageError } from "../errors.ts";
import { getSessionArtifacts } from "../artifacts/run-and-session-views.ts";
import { selectArtifact } from "../artifacts/select-artifact.ts";
import { compilePattern } from "./compile-pattern.ts";
import { grepDeadline, grepLines, type TGrepMatch } from "./grep-lines.ts";
import { checkCount } from "./check-count.ts";
import { READ_LIMITS } from "./limits.ts";
import { versionLines } from "./version-lines.ts";

export type TSessionGrepOptions = {
  namespace: string;
  sessionId: string;
  pattern: string;
  context?: number;
  max?: number;
  ignoreCase?: boolean;
};

export type TSessionGrepMatch = TGrepMatch & { artifactId: string; name: string; version: number };

export type TSessionGrepResult = {
  namespace: string;
  sessionId: string;
  matches: TSessionGrepMatch[];
  /** Artifacts whose latest version was searched, and those left out as not text (or unreadable). */
  searched: number;
  skipped: number;
  truncated: boolean;
  stoppedBy: "max" | "deadline" | "artifacts" | null;
};

/**
 * An RE2 pattern over the latest version of each artifact of a session (its roll-up, with what
 * its runs published), newest artifact first: at most maxSessionArtifacts artifacts, `max` matches
 * in all, and one deadline for the whole search.
 */
export async function grepSession(db: Db, principal: TPrincipal, options: TSessionGrepOptions): Promise<TSessionGrepResult> {
  checkCount(options.context, "context", 0, READ_LIMITS.maxContext);
  checkCount(options.max, "max", 1, READ_LIMITS.maxMatches);
  const pattern = compilePattern(options.pattern, options.ignoreCase ?? false);
  const deadline = grepDeadline();
  const max = options.max ?? READ_LIMITS.defaultMatches;
  const { artifacts, nextCursor } = await getSessionArtifacts(db, principal, options.namespace, options.sessionId, {
    limit: READ_LIMITS.maxSessionArtifacts,
  });
  const matches: TSessionGrepMatch[] = [];
  let searched = 0;
  let skipped = 0;
  const answer = (stoppedBy: TSessionGrepResult["stoppedBy"]): TSessionGrepResult => ({
    namespace: options.namespace,
    sessionId: options.sessionId,
    matches,
    searched,
    skipped,
    truncated: stoppedBy !== null,
    stoppedBy,
  });
  for (const artifact of artifacts) {
    // The namespace's read permission was checked above; this only finds where the bytes are.
    const version = (await selectArtifact(db, artifact.id, "latest"))?.version;
    if (!version) continue;
    try {
      const found = await grepLines(versionLines(version, READ_LIMITS.grepLineBytes), pattern, {
        context: options.context ?? 0,
        max: max - matches.length,
        deadline,
      });
      searched++;
      for (const m of found.matches) matches.push({ ...m, artifactId: artifact.id, name: artifact.name, version: version.version });
      if (found.stoppedBy) return answer(found.stoppedBy);
    } catch (error) {
      if (!(error instanceof StowageError) || (error.code !== "ARTIFACT_NOT_TEXT" && error.code !== "ARTIFACT_STORAGE_UNAVAILABLE"))
        throw error;
      skipped++;
    }
  }
  return answer(nextCursor ? "artifacts" : null);
}
