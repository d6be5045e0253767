import { validationFailed } from "../errors.ts";
import { parseVersionNumber } from "../artifacts/artifact-fields.ts";

/** If-Match: <version>, If-None-Match: * and Idempotency-Key, validated. */
export function readUploadHeaders(headers: Headers) {
  const ifMatchRaw = headers.get("if-match");
  const ifNoneMatchRaw = headers.get("if-none-match");
  const idempotencyKey = headers.get("idempotency-key") ?? undefined;
  if (ifNoneMatchRaw !== null && ifNoneMatchRaw.trim() !== "*") {
    throw validationFailed('If-None-Match on upload only accepts "*" (publish only if the artifact has no version yet)', {
      field: "If-None-Match",
    });
  }
  if (ifMatchRaw !== null && ifNoneMatchRaw !== null)
    throw validationFailed("send If-Match or If-None-Match, not both", { field: "If-Match" });
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
    throw validationFailed("Idempotency-Key must be 1–255 visible ASCII characters", { field: "Idempotency-Key" });
  }
  const contentLength = headers.get("content-length");
  return {
    ifMatch: ifMatchRaw === null ? undefined : parseVersionNumber(ifMatchRaw.trim().replace(/^"(.*)"$/, "$1"), "If-Match"),
    ifNoneMatch: ifNoneMatchRaw !== null,
    idempotencyKey,
    declaredSize: contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined,
  };
}
