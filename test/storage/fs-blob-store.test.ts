import { randomUUID } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { BlobStoreUnavailableError, BlobTooLargeError, type BlobStore } from "../../lib/storage/blob-store";
import { createFsBlobStore } from "../../lib/storage/fs-blob-store";
import { describeBlobStoreConformance } from "./blob-store-conformance";

async function makeRoot(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "stowage-blob-"));
}

describeBlobStoreConformance("fs", async () => {
  const root = await makeRoot();
  return {
    store: createFsBlobStore({ root }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe("fs blob store", () => {
  let root: string;
  let store: BlobStore;

  beforeEach(async () => {
    root = await makeRoot();
    store = createFsBlobStore({ root });
  });

  afterEach(async () => {
    await chmod(root, 0o700).catch(() => {});
    await rm(root, { recursive: true, force: true });
  });

  async function tmpEntries(): Promise<string[]> {
    return readdir(path.join(root, ".tmp")).catch(() => []);
  }

  it("removes temp files an interrupted put left behind once they are old enough", async () => {
    await mkdir(path.join(root, ".tmp"), { recursive: true });
    const stale = path.join(root, ".tmp", "left-by-a-killed-process");
    const fresh = path.join(root, ".tmp", "being-written-now");
    await writeFile(stale, "partial");
    await writeFile(fresh, "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    expect(await store.removeIncomplete(new Date(Date.now() - 3_600_000))).toBe(1);
    expect((await tmpEntries()).sort()).toEqual(["being-written-now"]);
  });

  it("reports backend fs", () => {
    expect(store.backend).toBe("fs");
  });

  it("stores objects at root/key", async () => {
    await store.put("a/b/c", Readable.from([Buffer.from("data")]));
    expect(await readFile(path.join(root, "a/b/c"), "utf8")).toBe("data");
    expect(await tmpEntries()).toEqual([]);
  });

  it("leaves no temp file after a too-large put", async () => {
    const body = Readable.from([Buffer.alloc(2048)]);
    await expect(store.put("big", body, { maxBytes: 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await tmpEntries()).toEqual([]);
    await expect(stat(path.join(root, "big"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("leaves no temp file after a source error", async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(3 * 1024 * 1024, 1);
      throw new Error("source broke");
    }
    await expect(store.put("broken", broken())).rejects.toThrow("source broke");
    expect(await tmpEntries()).toEqual([]);
    await expect(stat(path.join(root, "broken"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("never writes outside root, whatever the key", async () => {
    const escapee = `escape-${randomUUID()}`;
    for (const key of [`../${escapee}`, `a/../../${escapee}`, path.join(tmpdir(), escapee)]) {
      await expect(store.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow(/invalid blob key/);
      await expect(store.get(key)).rejects.toThrow(/invalid blob key/);
      await expect(store.delete(key)).rejects.toThrow(/invalid blob key/);
    }
    await expect(stat(path.join(tmpdir(), escapee))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(root)).toEqual([]);
  });

  it("keeps temp files apart from keys", async () => {
    await expect(store.put(".tmp/x", Readable.from([Buffer.from("x")]))).rejects.toThrow(/invalid blob key/);
  });

  // root ignores permission bits, so the failure cannot be provoked there.
  it.skipIf(process.getuid?.() === 0)("maps EACCES to BlobStoreUnavailableError", async () => {
    await chmod(root, 0o500);
    const put = store.put("denied", Readable.from([Buffer.from("x")]));
    await expect(put).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(put).rejects.toMatchObject({ cause: { code: "EACCES" } });
  });
});
