import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Multipart files that arrive before the fields saying where they go are spooled here (under the
 * data dir, never in memory) until the rest of the form is read. Hidden, so nothing mistakes it
 * for data.
 */
export const spoolDir = (dataDir: string) => path.join(dataDir, ".upload-spool");

/** A spooled file: its bytes on disk, counted and hashed while they arrived. */
export type TSpooledFile = {
  size: number;
  sha256: string;
  /** The bytes, opened only when read (a refused upload never opens them). */
  read: () => Readable;
  /** Removes the file; safe to call more than once. */
  remove: () => Promise<void>;
};

export class SpoolTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file exceeds ${maxBytes} bytes`);
  }
}

// Names carry the host and process that wrote them, so the next start of that process can tell
// its killed predecessor's leftovers from files another live instance is still writing.
const HOST = os.hostname().replace(/[^A-Za-z0-9_-]/g, "_");
const SPOOL_NAME = /^(.+)\.(\d+)\.[0-9a-f]{32}$/;

/**
 * Writes `source` to a new spool file, counting and hashing on the way. Past `maxBytes` it stops
 * at once (SpoolTooLargeError) without reading more. On any failure the file is removed.
 */
export async function spoolFile(dataDir: string, source: Readable, maxBytes: number): Promise<TSpooledFile> {
  const dir = spoolDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${HOST}.${process.pid}.${randomBytes(16).toString("hex")}`);
  const remove = () => unlink(file).catch(() => undefined);
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      if (size > maxBytes) return done(new SpoolTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Created before any byte is piped: a write stream opens its file on its own time, so a source
  // failing at once could otherwise be unlinked before the file exists, which then stays behind.
  const handle = await open(file, "wx");
  try {
    await pipeline(source, counter, handle.createWriteStream({ highWaterMark: 1024 * 1024 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { size, sha256: hash.digest("hex"), read: () => createReadStream(file, { highWaterMark: 1024 * 1024 }), remove };
}

/** Files of other hosts are left to them unless this old (no upload takes a day between its bytes and its commit). */
const FOREIGN_STALE_MS = 24 * 3_600_000;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * At start, before this process spools anything: removes spool files whose process is gone
 * (killed mid-upload). A file of this host is dead when its pid is not running or is our own
 * pid (a restarted container reuses pid 1); other hosts' files (a shared data dir) only by age.
 */
export async function removeAbandonedSpools(dataDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(spoolDir(dataDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(spoolDir(dataDir), name);
    const m = SPOOL_NAME.exec(name);
    const pid = m ? Number(m[2]) : NaN;
    let dead = m !== null && m[1] === HOST && (pid === process.pid || !isAlive(pid));
    if (!dead) {
      const info = await stat(file).catch(() => null);
      dead = info !== null && info.isFile() && Date.now() - info.mtimeMs > FOREIGN_STALE_MS;
    }
    if (
      dead &&
      (await unlink(file).then(
        () => true,
        () => false,
      ))
    )
      removed++;
  }
  return removed;
}
