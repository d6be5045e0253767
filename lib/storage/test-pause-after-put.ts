import "server-only";
import type { BlobStore } from "./blob-store.ts";

/**
 * Test-only: with STOWAGE_TEST_PAUSE_AFTER_PUT_MS set, every put waits that long after its bytes
 * are stored, before it returns (and so before the version commits). The crash-recovery test
 * kills the server inside that window; without it the window is a few milliseconds, and a
 * database lock cannot widen it on SQLite (a commit's write then fails at once instead of
 * waiting). Unset, as in production, the store is returned unchanged.
 */
export function withTestPauseAfterPut(store: BlobStore): BlobStore {
  const pauseMs = Number(process.env.STOWAGE_TEST_PAUSE_AFTER_PUT_MS ?? 0);
  if (!(pauseMs > 0)) return store;
  return {
    ...store,
    put: async (key, body, options) => {
      const result = await store.put(key, body, options);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      return result;
    },
  };
}
