/** The bounds every tool result keeps, whichever server runs the tools. */
export type McpLimits = {
  /**
   * Most bytes of text (or of base64, for binary) one tool result or resource read carries; a
   * result cut at it says how to continue. Remote: MCP_RESULT_MAX_KB; stdio: --result-max-kb or
   * STOWAGE_MCP_RESULT_MAX_KB.
   */
  resultMaxBytes: number;
};

export const DEFAULT_RESULT_MAX_KB = 64;
/** Below this a single long line or a diff header would not fit. */
export const MIN_RESULT_MAX_KB = 4;
export const MAX_RESULT_MAX_KB = 4096;

export const DEFAULT_LIMITS: McpLimits = { resultMaxBytes: DEFAULT_RESULT_MAX_KB * 1024 };

/** Limits from a KiB count (a flag or an environment value), refusing what is out of bounds. */
export function limitsFromKb(kb: number | string | undefined): McpLimits {
  if (kb === undefined || kb === "") return DEFAULT_LIMITS;
  const n = Number(kb);
  if (!Number.isInteger(n) || n < MIN_RESULT_MAX_KB || n > MAX_RESULT_MAX_KB) {
    throw new RangeError(`the result cap must be a whole number of KiB from ${MIN_RESULT_MAX_KB} to ${MAX_RESULT_MAX_KB}, not ${kb}`);
  }
  return { resultMaxBytes: n * 1024 };
}
