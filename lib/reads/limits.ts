/** The caps every read of a version's text keeps to, so time and memory stay bounded on any file. */
export const READ_LIMITS = {
  /** Lines of a text page when `limit` is left out, and the most one may ask for. */
  defaultLines: 200,
  maxLines: 2000,
  /** A text page stops before it would return more than this many characters of line text. */
  maxPageChars: 256 * 1024,
  /** A line longer than this is cut, and its text ends with a marker saying how long it was. */
  maxLineChars: 4096,
  /** Bytes of one line held in memory for showing it (the rest is counted, not kept). */
  displayLineBytes: 16 * 1024,
  /** Bytes of one line a grep pattern is matched against. */
  grepLineBytes: 64 * 1024,
  /** Grep: matches when `max` is left out, the most one may ask for, and context lines at most. */
  defaultMatches: 50,
  maxMatches: 500,
  maxContext: 20,
  /** A grep stops here and answers what it found with `truncated: true`. */
  grepDeadlineMs: 10_000,
  /** A session grep searches at most this many artifacts (the newest). */
  maxSessionArtifacts: 200,
  /** Each side of a diff, at most; above either a diff is refused with ARTIFACT_TOO_LARGE. */
  maxDiffBytes: 8 * 1024 * 1024,
  maxDiffLines: 100_000,
  /** The unified diff text is cut here (`truncated: true`). */
  maxDiffChars: 1024 * 1024,
  /** The first bytes looked at for a NUL byte, which marks content as binary. */
  sniffBytes: 8 * 1024,
} as const;
