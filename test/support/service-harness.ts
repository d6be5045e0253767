import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, expect } from "vitest";
import type { TPrincipal } from "@/lib/access/principal";
import { insertIdentity } from "@/lib/admin/identities";
import { publishArtifact, type TPublishFields, type TPublishInput } from "@/lib/artifacts/publish-artifact";
import { resetConfigForTests } from "@/lib/config";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { StowageError, type ErrorCode } from "@/lib/errors";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createFsBlobStore } from "@/lib/storage/fs-blob-store";
import { listFiles } from "./list-files";

export const MAX_BYTES = 1024 * 1024;

export type TServiceHarness = {
  dir: string;
  blobRoot: string;
  db: Db;
  store: BlobStore;
  /** alice, bob (plain agents), carol (a stranger to everything) and root (an admin). */
  alice: TPrincipal;
  bob: TPrincipal;
  carol: TPrincipal;
  admin: TPrincipal;
  /** Creates another identity (and its agent:<name> namespace) and returns its principal. */
  addIdentity: (name: string, options?: { isAdmin?: boolean }) => Promise<TPrincipal>;
  /** The principal as authentication would build it now: group memberships re-read from the database. */
  reload: (p: TPrincipal) => Promise<TPrincipal>;
  /** publishArtifact with a one-chunk body and MAX_BYTES, unless overridden. */
  publish: (
    p: TPrincipal,
    fields: TPublishFields,
    content?: string | Buffer,
    extra?: Partial<TPublishInput> & { maxBytes?: number },
  ) => ReturnType<typeof publishArtifact>;
  /** Every regular file under <dir>/blobs, relative to it (the .tmp staging dir included). */
  blobFiles: () => Promise<string[]>;
  cleanup: () => Promise<void>;
};

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export const body = (content: string | Buffer) => Readable.from([Buffer.isBuffer(content) ? content : Buffer.from(content)]);

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Runs `fn` and returns the StowageError it throws; fails the test if it resolves or throws anything else. */
export async function stowageError(fn: () => Promise<unknown>, code?: ErrorCode, status?: number): Promise<StowageError> {
  let outcome: unknown;
  try {
    outcome = await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StowageError);
    const e = error as StowageError;
    if (code) expect(e.code, e.message).toBe(code);
    if (status) expect(e.status, e.message).toBe(status);
    return e;
  }
  throw new Error(`expected a StowageError${code ? ` ${code}` : ""}, but it resolved with ${JSON.stringify(outcome)?.slice(0, 200)}`);
}

export async function readBlobFile(h: TServiceHarness, storageKey: string): Promise<Buffer> {
  return readFile(path.join(h.blobRoot, storageKey));
}

const toPrincipal = (i: { id: string; name: string; isAdmin: boolean }, groupIds: string[] = []): TPrincipal => ({
  identityId: i.id,
  name: i.name,
  isAdmin: i.isAdmin,
  groupIds,
});

/**
 * A fresh, migrated SQLite database and a filesystem blob store in a new temp dir. The data dir
 * setting points there too, so services that resolve the store from configuration (deletes)
 * work on the same blobs.
 */
export async function createServiceHarness(options: { seed?: boolean } = {}): Promise<TServiceHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), "stowage-svc-"));
  const url = `file:${path.join(dir, "stowage.db")}`;
  await migrateDatabase(url);
  const previousDataDir = process.env.STOWAGE_DATA_DIR;
  process.env.STOWAGE_DATA_DIR = dir;
  resetConfigForTests();
  const db = createDb(url);
  const blobRoot = path.join(dir, "blobs");
  const store = createFsBlobStore({ root: blobRoot });

  const addIdentity = async (name: string, o: { isAdmin?: boolean } = {}) =>
    toPrincipal(await insertIdentity(db, { name, isAdmin: o.isAdmin ?? false }));
  const seed = options.seed ?? true;
  const none = { identityId: "", name: "", isAdmin: false, groupIds: [] } satisfies TPrincipal;
  const alice = seed ? await addIdentity("alice") : none;
  const bob = seed ? await addIdentity("bob") : none;
  const carol = seed ? await addIdentity("carol") : none;
  const admin = seed ? await addIdentity("root", { isAdmin: true }) : none;

  const h: TServiceHarness = {
    dir,
    blobRoot,
    db,
    store,
    alice,
    bob,
    carol,
    admin,
    addIdentity,
    reload: async (p) => {
      const row = await db.identity.findUniqueOrThrow({ where: { id: p.identityId }, include: { memberships: true } });
      return toPrincipal(
        row,
        row.memberships.map((m) => m.groupId),
      );
    },
    publish: (p, fields, content = "hello", extra = {}) => {
      const { maxBytes = MAX_BYTES, ...rest } = extra;
      return publishArtifact(db, store, p, maxBytes, { fields, contentType: "text/plain", body: body(content), ...rest });
    },
    blobFiles: () => listFiles(blobRoot),
    cleanup: async () => {
      await db.$disconnect();
      if (previousDataDir === undefined) delete process.env.STOWAGE_DATA_DIR;
      else process.env.STOWAGE_DATA_DIR = previousDataDir;
      resetConfigForTests();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * A fresh harness (new database, new blob dir) for every test of the calling file. Returns a
 * stand-in that always reads from the current test's harness: `const h = useFreshHarness();`.
 */
export function useFreshHarness(options: { seed?: boolean } = {}): TServiceHarness {
  let current: TServiceHarness | undefined;
  beforeEach(async () => {
    current = await createServiceHarness(options);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return new Proxy({} as TServiceHarness, {
    get(_target, property) {
      if (!current) throw new Error("the service harness is only available inside a test");
      return Reflect.get(current, property);
    },
  });
}
