import { validationFailed } from "../errors.ts";
import { parseVersionNumber } from "../artifacts/artifact-fields.ts";

/** If-Match: <version>, If-None-Match: * or "<sha256>", and Idempotency-Key, validated. */
export function readUploadHeaders(headers: Headers) {
  const ifMatchRaw = headers.get("if-match");
  const ifNoneMatchRaw = headers.get("if-none-match");
  const idempotencyKey = headers.get("idempotency-key") ?? undefined;
  // An ETag is the bytes' sha256, quoted; a bare one is taken too.
  const sha256 = /^\s*"?([0-9a-f]{64})"?\s*$/.exec(ifNoneMatchRaw ?? "")?.[1];
  if (ifNoneMatchRaw !== null && ifNoneMatchRaw.trim() !== "*" && sha256 === undefined) {
    throw validationFailed(
      'If-None-Match on upload accepts "*" (publish only if the artifact has no version yet) or the bytes\' quoted sha256 (publish only if they changed)',
      { field: "If-None-Match" },
    );
  }
  if (ifMatchRaw !== null && ifNoneMatchRaw !== null)
    throw validationFailed("send If-Match or If-None-Match, not both", { field: "If-Match" });
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
    throw validationFailed("Idempotency-Key must be 1–255 visible ASCII characters", { field: "Idempotency-Key" });
  }
  const contentLength = headers.get("content-length");
  return {
    ifMatch: ifMatchRaw === null ? undefined : parseVersionNumber(ifMatchRaw.trim().replace(/^"(.*)"$/, "$1"), "If-Match"),
    ifNoneMatch: ifNoneMatchRaw !== null && sha256 === undefined,
    ifNoneMatchSha256: sha256,
    idempotencyKey,
    declaredSize: contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined,
  };
}
