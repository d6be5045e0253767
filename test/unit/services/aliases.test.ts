import { describe, expect, it } from "vitest";
import { grantAccess } from "@/lib/admin/namespaces";
import { deleteAlias } from "@/lib/aliases/delete-alias";
import { listAliases } from "@/lib/aliases/list-aliases";
import { setAlias } from "@/lib/aliases/set-alias";
import { parseAliasName } from "@/lib/aliases/alias-name";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getVersion } from "@/lib/artifacts/get-artifact";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { listVersions } from "@/lib/artifacts/list-versions";
import { runGc } from "@/lib/gc/run-gc";
import { readText } from "@/lib/reads/read-text";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
const NS = "agent:alice";

async function threeVersions(name = "model.txt") {
  const first = await h.publish(h.alice, { namespace: NS, name }, "v0");
  await h.publish(h.alice, { namespace: NS, name }, "v1");
  await h.publish(h.alice, { namespace: NS, name }, "v2");
  return first.artifact.id;
}

const protectedCount = async (id: string) => (await h.db.artifact.findUniqueOrThrow({ where: { id } })).protectedAliases;

describe("alias names", () => {
  it("takes lowercase names and refuses the rest with the field named", () => {
    for (const ok of ["production", "best", "v2.1-rc_3", "a", "0a"]) expect(parseAliasName(ok)).toBe(ok);
    for (const bad of ["", "Production", "-x", "x-", "a b", "latest", "12", "x".repeat(65), "../x", "ä"]) {
      expect(() => parseAliasName(bad), bad).toThrow(expect.objectContaining({ code: "ARTIFACT_VALIDATION_FAILED" }) as Error);
    }
  });
});

describe("setting, moving and removing", () => {
  it("creates, moves and removes, keeps protection when left out, and counts protected aliases exactly", async () => {
    const id = await threeVersions();
    const created = await setAlias(h.db, h.alice, id, "production", { version: 0, protected: true });
    expect(created).toMatchObject({ created: true, alias: { name: "production", version: 0, protected: true } });
    expect(await protectedCount(id)).toBe(1);
    // Moving without saying `protected` keeps it protected; setting it again does not count twice.
    const moved = await setAlias(h.db, h.alice, id, "production", { version: 1 });
    expect(moved).toMatchObject({ created: false, alias: { version: 1, protected: true } });
    expect(await protectedCount(id)).toBe(1);
    await setAlias(h.db, h.alice, id, "best", { version: 2, protected: true });
    expect(await protectedCount(id)).toBe(2);
    await setAlias(h.db, h.alice, id, "best", { version: 2, protected: false });
    expect(await protectedCount(id)).toBe(1);
    await setAlias(h.db, h.alice, id, "reviewed", { version: 1 });
    expect((await listAliases(h.db, h.alice, id)).map((a) => [a.name, a.version, a.protected])).toEqual([
      ["best", 2, false],
      ["production", 1, true],
      ["reviewed", 1, false],
    ]);
    const history = await listVersions(h.db, h.alice, id, { limit: 10 });
    expect(history.versions.map((v) => [v.version, v.aliases])).toEqual([
      [2, ["best"]],
      [1, ["production", "reviewed"]],
      [0, []],
    ]);
    await deleteAlias(h.db, h.alice, id, "production");
    expect(await protectedCount(id)).toBe(0);
    await stowageError(() => deleteAlias(h.db, h.alice, id, "production"), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => setAlias(h.db, h.alice, id, "x", { version: 9 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => setAlias(h.db, h.alice, id, "latest", { version: 0 }), "ARTIFACT_VALIDATION_FAILED", 400);
    expect((await listAliases(h.db, h.alice, id)).map((a) => a.name)).toEqual(["best", "reviewed"]);
  });

  it("audits every change with what it was before", async () => {
    const id = await threeVersions();
    await setAlias(h.db, h.alice, id, "production", { version: 0 });
    await setAlias(h.db, h.alice, id, "production", { version: 2, protected: true });
    await deleteAlias(h.db, h.alice, id, "production");
    const events = await h.db.auditEvent.findMany({ where: { action: { startsWith: "alias." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorName, e.version, JSON.parse(e.details)])).toEqual([
      ["alias.set", "alice", 0, { name: "model.txt", alias: "production", protected: false, previousVersion: null, wasProtected: null }],
      ["alias.set", "alice", 2, { name: "model.txt", alias: "production", protected: true, previousVersion: 0, wasProtected: false }],
      ["alias.delete", "alice", 2, { name: "model.txt", alias: "production", protected: true }],
    ]);
  });

  it("readers list and read by alias; only writers change aliases", async () => {
    const id = await threeVersions();
    await setAlias(h.db, h.alice, id, "production", { version: 1 });
    await stowageError(() => listAliases(h.db, h.bob, id), "ARTIFACT_NOT_FOUND", 404);
    await grantAccess(h.db, h.admin, NS, { identity: "bob", permission: "read" });
    const bob = await h.reload(h.bob);
    expect((await listAliases(h.db, bob, id)).map((a) => a.name)).toEqual(["production"]);
    expect((await readText(h.db, bob, id, { version: { alias: "production" } })).lines.map((l) => l.text)).toEqual(["v1"]);
    await stowageError(() => setAlias(h.db, bob, id, "production", { version: 2 }), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => deleteAlias(h.db, bob, id, "production"), "ARTIFACT_NAMESPACE_DENIED", 403);
    await grantAccess(h.db, h.admin, NS, { identity: "bob", permission: "write" });
    expect((await setAlias(h.db, await h.reload(h.bob), id, "production", { version: 2 })).alias.version).toBe(2);
  });

  it("resolves an alias where a version is read, and an unknown alias is 404", async () => {
    const id = await threeVersions();
    await setAlias(h.db, h.alice, id, "best", { version: 0 });
    expect((await getVersion(h.db, h.alice, id, { alias: "best" })).row.version).toBe(0);
    const e = await stowageError(() => getVersion(h.db, h.alice, id, { alias: "nope" }), "ARTIFACT_NOT_FOUND", 404);
    expect(e.message).toBe("alias nope not found");
  });
});

describe("protection", () => {
  it("a protected version cannot be deleted, nor its artifact; an unprotected alias goes with its version", async () => {
    const id = await threeVersions();
    await setAlias(h.db, h.alice, id, "production", { version: 1, protected: true });
    await setAlias(h.db, h.alice, id, "scratch", { version: 0 });
    const refused = await stowageError(() => deleteVersion(h.db, h.alice, id, 1), "ARTIFACT_VERSION_PROTECTED", 409);
    expect(refused.details).toEqual({ aliases: ["production"] });
    await stowageError(() => deleteArtifact(h.db, h.admin, id), "ARTIFACT_VERSION_PROTECTED", 409);
    // Nothing was removed by the refused deletes.
    expect((await listVersions(h.db, h.alice, id, { limit: 10 })).versions.map((v) => v.version)).toEqual([2, 1, 0]);
    await deleteVersion(h.db, h.alice, id, 0);
    expect((await listAliases(h.db, h.alice, id)).map((a) => a.name)).toEqual(["production"]);
    await setAlias(h.db, h.alice, id, "production", { version: 2 });
    // Moved: the version it left can go; the one it points to now cannot.
    await deleteVersion(h.db, h.alice, id, 1);
    await stowageError(() => deleteVersion(h.db, h.alice, id, 2), "ARTIFACT_VERSION_PROTECTED", 409);
    await setAlias(h.db, h.alice, id, "production", { version: 2, protected: false });
    await deleteArtifact(h.db, h.alice, id);
    expect(await h.db.artifactAlias.count()).toBe(0);
  });

  it("a protected alias keeps its artifact past expiry and the sweep leaves it; removing the alias lets it expire", async () => {
    const id = await threeVersions();
    const other = await threeVersions("other.txt");
    await setAlias(h.db, h.alice, id, "production", { version: 2, protected: true });
    await setAlias(h.db, h.alice, other, "production", { version: 2 });
    const past = new Date(Date.now() - 1000);
    await h.db.artifact.updateMany({ data: { expiresAt: past } });
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, limit: 10 })).artifacts.map((a) => a.name)).toEqual(["model.txt"]);
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 1, expiredVersions: 3 });
    expect((await readText(h.db, h.alice, id, { version: { alias: "production" } })).lines.map((l) => l.text)).toEqual(["v2"]);
    await deleteAlias(h.db, h.alice, id, "production");
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, limit: 10 })).artifacts).toEqual([]);
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 1, expiredVersions: 3 });
    expect(await h.db.artifact.count()).toBe(0);
  });
});
