// A garbage collector in a process of its own, for the test that runs two at once on one
// database: `node --import ./scripts/register-hooks.mjs test/support/gc-worker.ts`.
// DATABASE_URL and STOWAGE_DATA_DIR as for the server; GC_WORKER_UNTIL (epoch ms) ends the loop;
// GC_WORKER_DELETE_DELAY_MS slows each blob delete, so passes take long enough to overlap if
// the lease let them. Prints one JSON line per pass ("run", or "busy" when the lease was
// held elsewhere) and per blob deleted.
import { getDb } from "../../lib/db/client.ts";
import { runGc } from "../../lib/gc/run-gc.ts";
import type { BlobStore } from "../../lib/storage/blob-store.ts";
import { getBlobStore } from "../../lib/storage/get-blob-store.ts";

const until = Number(process.env.GC_WORKER_UNTIL);
const delay = Number(process.env.GC_WORKER_DELETE_DELAY_MS ?? 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...event })}\n`);

const getStore = (backend: string): BlobStore => {
  const store = getBlobStore(backend);
  return {
    ...store,
    delete: async (key) => {
      await sleep(delay);
      await store.delete(key);
      emit({ type: "delete", key, at: Date.now() });
    },
  };
};

const db = getDb();
let passes = 0;
// A worker that started late still takes one pass, and one that just finished rests a little
// longer than the other polls: both really take part, however loaded the machine is.
while (Date.now() < until || passes === 0) {
  const summary = await runGc(db, { getStore, leaseTtlMs: 3_000 });
  if (summary) {
    passes++;
    emit({
      type: "run",
      startedAt: summary.startedAt.getTime(),
      finishedAt: summary.finishedAt.getTime(),
      expiredArtifacts: summary.expiredArtifacts,
      expiredVersions: summary.expiredVersions,
      releasedBytes: Number(summary.releasedBytes),
      blobsDeleted: summary.blobsDeleted,
      blobDeletesFailed: summary.blobDeletesFailed,
    });
    await sleep(40 + Math.random() * 20);
  } else {
    emit({ type: "busy", at: Date.now() });
    await sleep(Math.random() * 10);
  }
}
await db.$disconnect();
