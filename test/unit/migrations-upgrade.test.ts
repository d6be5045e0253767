import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "@/lib/db/migrate";

/**
 * Upgrading keeps the data: each migration is applied to a database holding rows made under the
 * schema before it. SQLite rebuilds tables to change them, which must never cascade-delete.
 */
describe("schema upgrades keep existing data (SQLite)", () => {
  const all = listMigrations(path.resolve(import.meta.dirname, "../../prisma/migrations/sqlite"));
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("from the first release to the newest: artifacts, versions and usage survive", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "stowage-upgrade-"));
    const url = `file:${path.join(dir, "stowage.db")}`;
    await applyMigrations(url, all.slice(0, 1));
    const db = new Database(path.join(dir, "stowage.db"));
    db.exec(`
      INSERT INTO "Identity" ("id", "name", "kind", "isAdmin") VALUES ('idn', 'alice', 'agent', 0);
      INSERT INTO "Namespace" ("id", "name", "kind", "ownerIdentityId") VALUES ('nsa', 'agent:alice', 'agent', 'idn');
      INSERT INTO "Artifact" ("id", "namespaceId", "sessionKey", "name", "createdById", "latestVersion", "nextVersion") VALUES ('art', 'nsa', '', 'a.txt', 'idn', 1, 2);
      INSERT INTO "ArtifactVersion" ("id", "artifactId", "version", "filename", "mimeType", "sizeBytes", "sha256", "createdById", "backend", "storageKey")
        VALUES ('v0', 'art', 0, 'a.txt', 'text/plain', 100, 'x', 'idn', 'fs', 'v1/nsa/v0'), ('v1', 'art', 1, 'a.txt', 'text/plain', 23, 'y', 'idn', 'fs', 'v1/nsa/v1');
      INSERT INTO "ArtifactTag" ("artifactId", "tag") VALUES ('art', 'keep');
    `);
    db.close();

    const applied = await applyMigrations(url, all);
    expect(applied).toEqual(all.slice(1).map((m) => m.name));
    const after = new Database(path.join(dir, "stowage.db"), { readonly: true });
    try {
      expect(after.prepare(`SELECT COUNT(*) AS n FROM "ArtifactVersion"`).get()).toEqual({ n: 2 });
      expect(after.prepare(`SELECT "tag" FROM "ArtifactTag"`).all()).toEqual([{ tag: "keep" }]);
      expect(after.prepare(`SELECT "usedBytes" AS used FROM "Namespace" WHERE "id" = 'nsa'`).get()).toEqual({ used: 123 });
      expect(after.pragma("foreign_key_check")).toEqual([]);
    } finally {
      after.close();
    }
  });
});
