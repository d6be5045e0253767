import "server-only";
import { RE2JS } from "re2js";
import { StowageError } from "../errors.ts";

/** The longest pattern accepted. */
const MAX_PATTERN_CHARS = 1000;

/**
 * A grep pattern in RE2 syntax, compiled by a linear-time engine: no pattern can make a match
 * take more than time proportional to the line. Backreferences and lookaround are unsupported.
 */
export function compilePattern(pattern: string, ignoreCase: boolean): RE2JS {
  const invalid = (reason: string) =>
    new StowageError("ARTIFACT_PATTERN_INVALID", `the pattern cannot be used: ${reason}`, { pattern, reason });
  if (pattern === "") throw invalid("it is empty");
  if (pattern.length > MAX_PATTERN_CHARS) throw invalid(`it is longer than ${MAX_PATTERN_CHARS} characters`);
  try {
    return RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
}
