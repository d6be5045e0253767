import { spawn } from "node:child_process";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { insertIdentity } from "@/lib/admin/identities";
import { publishArtifact } from "@/lib/artifacts/publish-artifact";
import { createFsBlobStore } from "@/lib/storage/fs-blob-store";
import { listFiles } from "../support/list-files";
import { useMigratedDatabase } from "../support/migrated-database";

const root = path.resolve(import.meta.dirname, "../..");
const ARTIFACTS = 120;

type TEvent =
  | {
      pid: number;
      type: "run";
      startedAt: number;
      finishedAt: number;
      expiredArtifacts: number;
      expiredVersions: number;
      releasedBytes: number;
      blobDeletesFailed: number;
    }
  | { pid: number; type: "busy"; at: number }
  | { pid: number; type: "delete"; key: string; at: number };

/** One gc-worker process on the given database; resolves with its events once it exits. */
function worker(env: Record<string, string>): Promise<TEvent[]> {
  const child = spawn(process.execPath, ["--import", "./scripts/register-hooks.mjs", "test/support/gc-worker.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`gc worker exited with ${code}:\n${err}`));
      resolve(
        out
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as TEvent),
      );
    });
  });
}

describe("garbage collection in two processes at once", () => {
  const scratch = useMigratedDatabase("stowage-gc2-");

  it("never runs two passes at the same time, and deletes every expired artifact exactly once", async () => {
    const { db, dir: dataDir, database } = scratch;
    const agent = await insertIdentity(db, { name: "gc-agent" });
    const principal = { identityId: agent.id, name: agent.name, isAdmin: false, groupIds: [] };
    const store = createFsBlobStore({ root: path.join(dataDir, "blobs") });
    const publish = (name: string, text: string) =>
      publishArtifact(db, store, principal, 1024 * 1024, {
        fields: { namespace: "agent:gc-agent", name },
        contentType: "text/plain",
        body: Readable.from([Buffer.from(text)]),
      });
    for (let i = 0; i < ARTIFACTS; i++) {
      await publish(`a${i}`, "x".repeat(i + 1));
      await publish(`a${i}`, "y".repeat(i + 1));
    }
    const kept = await publish("kept", "kept");
    const keys = new Map(
      (await db.artifactVersion.findMany({ where: { artifact: { name: { not: "kept" } } } })).map((v) => [v.storageKey, v.artifactId]),
    );
    expect(keys.size).toBe(2 * ARTIFACTS);

    // Expiries spread over the run, so both processes keep finding work while they contend.
    const start = Date.now() + 1_500;
    const ids = (await db.artifact.findMany({ where: { name: { not: "kept" } }, orderBy: { name: "asc" } })).map((a) => a.id);
    for (const [i, id] of ids.entries()) await db.artifact.update({ where: { id }, data: { expiresAt: new Date(start + i * 40) } });

    const env = {
      DATABASE_URL: database.url,
      STOWAGE_DATA_DIR: dataDir,
      GC_WORKER_UNTIL: String(start + ARTIFACTS * 40 + 2_500),
      GC_WORKER_DELETE_DELAY_MS: "15",
    };
    const [a, b] = await Promise.all([worker(env), worker(env)]);
    const events = [...a, ...b];
    const runs = events.filter((e) => e.type === "run").sort((x, y) => x.startedAt - y.startedAt);

    // Both took part, and each was turned away at least once: they really contended.
    const pids = new Set(events.map((e) => e.pid));
    expect(pids.size).toBe(2);
    for (const pid of pids) {
      expect(runs.filter((r) => r.pid === pid).length, `passes of ${pid}`).toBeGreaterThan(0);
    }
    expect(events.filter((e) => e.type === "busy").length).toBeGreaterThan(0);
    // No pass started before the previous one (by either process) had finished.
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.startedAt, `pass ${i} of ${runs.length} overlaps the one before`).toBeGreaterThanOrEqual(runs[i - 1]!.finishedAt);
    }
    // Every expired artifact was swept once, each of its blobs deleted once.
    expect(runs.reduce((n, r) => n + r.expiredArtifacts, 0)).toBe(ARTIFACTS);
    expect(runs.reduce((n, r) => n + r.expiredVersions, 0)).toBe(2 * ARTIFACTS);
    expect(runs.reduce((n, r) => n + r.releasedBytes, 0)).toBe(ARTIFACTS * (ARTIFACTS + 1));
    expect(runs.reduce((n, r) => n + r.blobDeletesFailed, 0)).toBe(0);
    const deleted = events.filter((e) => e.type === "delete").map((e) => e.key);
    expect(deleted.length).toBe(2 * ARTIFACTS);
    expect(new Set(deleted)).toEqual(new Set(keys.keys()));

    expect(await db.artifact.count()).toBe(1);
    expect(await db.pendingBlobDelete.count()).toBe(0);
    expect(await db.lease.count()).toBe(0);
    const ns = await db.namespace.findUniqueOrThrow({ where: { name: "agent:gc-agent" } });
    expect(ns.usedBytes).toBe(4n);
    const [keptKey] = (await db.artifactVersion.findMany({ where: { artifactId: kept.artifact.id } })).map((v) => v.storageKey);
    expect((await listFiles(path.join(dataDir, "blobs"))).filter((f) => f.startsWith("v1/"))).toEqual([keptKey]);
  }, 120_000);
});
