import { StowageError } from "../errors.js";

/** The CLI's exit codes, one per class of failure (the table in `stowage --help` and the README). */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  notFound: 3,
  denied: 4,
  conflict: 5,
  quota: 6,
  unavailable: 7,
  interrupted: 130,
} as const;

export const EXIT_TABLE = `exit codes:
  0    ok
  1    any other error (INTERNAL_ERROR, HTTP_ERROR, a local I/O error)
  2    usage: an unknown command or option, a bad value, ARTIFACT_VALIDATION_FAILED
  3    not found: ARTIFACT_NOT_FOUND, ARTIFACT_SHARE_LINK_INVALID, FILE_NOT_FOUND (a local file)
  4    denied: UNAUTHENTICATED, FORBIDDEN, ARTIFACT_NAMESPACE_DENIED
  5    conflict: ARTIFACT_VERSION_CONFLICT (a precondition), ARTIFACT_IDEMPOTENCY_KEY_REUSED, ARTIFACT_UPLOAD_CLOSED,
       ARTIFACT_VERSION_PROTECTED (a protected alias holds the version)
  6    too much: ARTIFACT_QUOTA_EXCEEDED, ARTIFACT_TOO_LARGE
  7    unreachable: NETWORK_ERROR, TIMEOUT, ARTIFACT_STORAGE_UNAVAILABLE, HTTP 502/503/504
  130  interrupted (Ctrl-C)`;

/** A failure of the CLI itself (not the server's): a code for the message and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, "USAGE", EXIT.usage);

const BY_CODE: Record<string, number> = {
  ARTIFACT_VALIDATION_FAILED: EXIT.usage,
  ARTIFACT_RANGE_NOT_SATISFIABLE: EXIT.usage,
  ARTIFACT_PATTERN_INVALID: EXIT.usage,
  ARTIFACT_NOT_TEXT: EXIT.usage,
  ARTIFACT_NOT_FOUND: EXIT.notFound,
  ARTIFACT_SHARE_LINK_INVALID: EXIT.notFound,
  UNAUTHENTICATED: EXIT.denied,
  FORBIDDEN: EXIT.denied,
  ARTIFACT_NAMESPACE_DENIED: EXIT.denied,
  ARTIFACT_VERSION_CONFLICT: EXIT.conflict,
  ARTIFACT_IDEMPOTENCY_KEY_REUSED: EXIT.conflict,
  ARTIFACT_UPLOAD_CLOSED: EXIT.conflict,
  ARTIFACT_VERSION_PROTECTED: EXIT.conflict,
  ARTIFACT_QUOTA_EXCEEDED: EXIT.quota,
  ARTIFACT_TOO_LARGE: EXIT.quota,
  NETWORK_ERROR: EXIT.unavailable,
  TIMEOUT: EXIT.unavailable,
  ARTIFACT_STORAGE_UNAVAILABLE: EXIT.unavailable,
};

/** How a failure is told: `stowage: <message> (<CODE>)` and the exit code of its class. */
export function describeError(error: unknown): { message: string; code: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, code: error.code, exitCode: error.exitCode };
  if (error instanceof StowageError) {
    const exitCode = BY_CODE[error.code] ?? byStatus(error.status);
    return { message: error.message, code: error.code, exitCode };
  }
  if (error instanceof Error && error.name === "AbortError")
    return { message: "interrupted", code: "INTERRUPTED", exitCode: EXIT.interrupted };
  const sys = error as NodeJS.ErrnoException | undefined;
  if (sys && typeof sys.code === "string") {
    if (sys.code === "ENOENT") return { message: sys.message, code: "FILE_NOT_FOUND", exitCode: EXIT.notFound };
    if (sys.code === "EACCES" || sys.code === "EPERM") return { message: sys.message, code: sys.code, exitCode: EXIT.other };
    if (sys.code.startsWith("ERR_PARSE_ARGS")) return { message: sys.message, code: "USAGE", exitCode: EXIT.usage };
    return { message: sys.message, code: sys.code, exitCode: EXIT.other };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: "ERROR", exitCode: EXIT.other };
}

function byStatus(status: number): number {
  if (status === 400 || status === 422) return EXIT.usage;
  if (status === 404 || status === 410) return EXIT.notFound;
  if (status === 401 || status === 403) return EXIT.denied;
  if (status === 409 || status === 412) return EXIT.conflict;
  if (status === 413) return EXIT.quota;
  if (status === 429 || status === 502 || status === 503 || status === 504) return EXIT.unavailable;
  return EXIT.other;
}
