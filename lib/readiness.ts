import "server-only";
import { access, constants } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "./config.ts";
import { getDb } from "./db/client.ts";
import { getWriteBlobStore } from "./storage/get-blob-store.ts";

/** Each check answers within this, or counts as failed: a readiness probe must not hang. */
export const READINESS_CHECK_TIMEOUT_MS = 2_500;

/** A key nothing ever stores: a HEAD of it costs S3 nothing and proves bucket and credentials. */
const ABSENT_PROBE_KEY = "stowage-readiness/absent";

export type TCheck = { ok: boolean; ms: number; reason?: string };
export type TReadiness = { ready: boolean; checks: { database: TCheck; storage: TCheck & { backend: "fs" | "s3" } } };

class DeadlineExceeded extends Error {}

async function timed(check: () => Promise<unknown>, describe: (error: unknown) => string): Promise<TCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), READINESS_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), deadline]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof DeadlineExceeded ? `no answer within ${READINESS_CHECK_TIMEOUT_MS} ms` : describe(error);
    return { ok: false, ms: Math.round(performance.now() - started), reason };
  } finally {
    clearTimeout(timer);
  }
}

/** Error codes only (P1001, EACCES, …): messages may carry hosts, paths or connection strings. */
function codeOf(error: unknown): string {
  const e = error as { code?: unknown; errorCode?: unknown; name?: unknown } | null;
  const code = [e?.code, e?.errorCode, e?.name].find((c) => typeof c === "string" && /^[A-Za-z0-9_]{1,40}$/.test(c));
  return (code as string | undefined) ?? "error";
}

async function checkStorage(): Promise<TCheck & { backend: "fs" | "s3" }> {
  const config = getConfig();
  if (config.storageBackend === "s3") {
    const check = await timed(
      () => getWriteBlobStore().exists(ABSENT_PROBE_KEY),
      // BlobStoreUnavailableError says what S3 answered (an error name and status), nothing more.
      (error) =>
        error instanceof Error && error.name === "BlobStoreUnavailableError" ? error.message : `S3 check failed (${codeOf(error)})`,
    );
    return { ...check, backend: "s3" };
  }
  const blobs = path.join(config.dataDir, "blobs");
  const check = await timed(
    // Before the first upload the blobs directory may not exist yet; then the data dir must be writable.
    () =>
      access(blobs, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        return access(config.dataDir, constants.W_OK | constants.X_OK);
      }),
    (error) => `blob directory not writable (${codeOf(error)})`,
  );
  return { ...check, backend: "fs" };
}

/** Whether this instance can serve uploads now: the database answers and the store new uploads go to is usable. */
export async function checkReadiness(): Promise<TReadiness> {
  const [database, storage] = await Promise.all([
    timed(
      () => getDb().$queryRaw`SELECT 1`,
      (error) => `database query failed (${codeOf(error)})`,
    ),
    checkStorage(),
  ]);
  return { ready: database.ok && storage.ok, checks: { database, storage } };
}
