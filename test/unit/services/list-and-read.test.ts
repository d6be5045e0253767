import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { addGroupMember, createGroup } from "@/lib/admin/groups";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { getArtifact, getVersion } from "@/lib/artifacts/get-artifact";
import { listArtifacts, type TListFilter } from "@/lib/artifacts/list-artifacts";
import { listVersions } from "@/lib/artifacts/list-versions";
import { getRunArtifacts, getSessionArtifacts } from "@/lib/artifacts/run-and-session-views";
import { updateArtifact } from "@/lib/artifacts/update-artifact";
import type { TPrincipal } from "@/lib/access/principal";
import { createShareLink, resolveShareToken } from "@/lib/sharing/share-links";
import { useFreshHarness, sha256, stowageError } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";

/** The names one list call returns, sorted: order is tested on its own (ids order within a millisecond is random). */
const names = async (p: TPrincipal, filter: Omit<TListFilter, "limit"> & { limit?: number }) =>
  (await listArtifacts(h.db, p, { limit: 200, ...filter })).artifacts.map((a) => a.name).sort();

describe("listArtifacts", () => {
  it("lists newest first with the latest version attached", async () => {
    // Ids are time-ordered to the millisecond; the pauses make creation order unambiguous.
    await h.publish(h.alice, { namespace: NS, name: "first" }, "1");
    await sleep(3);
    await h.publish(h.alice, { namespace: NS, name: "second" }, "2");
    await sleep(3);
    await h.publish(h.alice, { namespace: NS, name: "third" }, "3");
    await h.publish(h.alice, { namespace: NS, name: "first" }, "1b");
    const { artifacts, nextCursor } = await listArtifacts(h.db, h.alice, { namespace: NS, limit: 50 });
    expect(artifacts.map((a) => a.name)).toEqual(["third", "second", "first"]);
    expect(nextCursor).toBeNull();
    const first = artifacts[2]!;
    expect(first.latestVersion).toBe(1);
    expect(first.latest).toMatchObject({ version: 1, sha256: sha256("1b"), sizeBytes: 2, createdBy: "alice" });
  });

  it("walks 125 artifacts in pages of 50, each exactly once", async () => {
    const created: string[] = [];
    for (let i = 0; i < 125; i++)
      created.push((await h.publish(h.alice, { namespace: NS, name: `item-${String(i).padStart(3, "0")}` }, `${i}`)).artifact.id);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listArtifacts(h.db, h.alice, { namespace: NS, limit: 50, cursor });
      pageSizes.push(page.artifacts.length);
      seen.push(...page.artifacts.map((a) => a.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(pageSizes).toEqual([50, 50, 25]);
    expect(new Set(seen).size).toBe(125);
    // Newest first is id order (ids are time-ordered to the millisecond).
    expect(seen).toEqual([...created].sort().reverse());
  });

  it("a limit that divides the count exactly ends without an empty extra page", async () => {
    for (let i = 0; i < 4; i++) {
      await h.publish(h.alice, { namespace: NS, name: `n${i}` });
      await sleep(3);
    }
    const p1 = await listArtifacts(h.db, h.alice, { namespace: NS, limit: 2 });
    const p2 = await listArtifacts(h.db, h.alice, { namespace: NS, limit: 2, cursor: p1.nextCursor! });
    expect(p2.artifacts.map((a) => a.name)).toEqual(["n1", "n0"]);
    expect(p2.nextCursor).toBeNull();
  });

  it("rejects a malformed cursor", async () => {
    await stowageError(
      () => listArtifacts(h.db, h.alice, { namespace: NS, limit: 5, cursor: "not a cursor!" }),
      "ARTIFACT_VALIDATION_FAILED",
    );
    const numberCursor = Buffer.from(JSON.stringify({ k: 5 })).toString("base64url");
    await stowageError(() => listArtifacts(h.db, h.alice, { namespace: NS, limit: 5, cursor: numberCursor }), "ARTIFACT_VALIDATION_FAILED");
  });

  it("filters by session, run, tag, name prefix and metadata", async () => {
    await h.publish(h.alice, {
      namespace: NS,
      name: "reports/q1.csv",
      sessionId: "s1",
      runId: "r1",
      tags: ["finance"],
      metadata: { quarter: "q1" },
    });
    await h.publish(h.alice, {
      namespace: NS,
      name: "reports/q2.csv",
      sessionId: "s1",
      runId: "r2",
      tags: ["finance", "draft"],
      metadata: { quarter: "q2" },
    });
    await h.publish(h.alice, { namespace: NS, name: "logs/run.txt", sessionId: "s2", runId: "r3", metadata: { quarter: "q1", n: 7 } });
    await h.publish(h.alice, { namespace: NS, name: "readme.md" });

    expect(await names(h.alice, { namespace: NS, sessionId: "s1" })).toEqual(["reports/q1.csv", "reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, sessionId: "nope" })).toEqual([]);
    expect(await names(h.alice, { namespace: NS, runId: "r2" })).toEqual(["reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, tag: "finance" })).toEqual(["reports/q1.csv", "reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, tag: "draft" })).toEqual(["reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, namePrefix: "reports/" })).toEqual(["reports/q1.csv", "reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, namePrefix: "re" })).toEqual(["readme.md", "reports/q1.csv", "reports/q2.csv"]);
    expect(await names(h.alice, { namespace: NS, metadata: { quarter: "q1" } })).toEqual(["logs/run.txt", "reports/q1.csv"]);
    expect(await names(h.alice, { namespace: NS, metadata: { quarter: "q1", n: "7" } })).toEqual(["logs/run.txt"]);
    expect(await names(h.alice, { namespace: NS, metadata: { quarter: "q3" } })).toEqual([]);
    // Filters combine with AND.
    expect(await names(h.alice, { namespace: NS, sessionId: "s1", tag: "finance", metadata: { quarter: "q1" } })).toEqual([
      "reports/q1.csv",
    ]);
    // A run reaches artifacts through any version it published, not only the latest.
    await h.publish(h.alice, { namespace: NS, name: "reports/q1.csv", sessionId: "s1", runId: "r9" });
    expect(await names(h.alice, { namespace: NS, runId: "r1" })).toEqual(["reports/q1.csv"]);
  });

  it("a name prefix is literal and case-sensitive, like names themselves", async () => {
    await h.publish(h.alice, { namespace: NS, name: "a_b.txt" });
    await h.publish(h.alice, { namespace: NS, name: "axb.txt" });
    await h.publish(h.alice, { namespace: NS, name: "100%.txt" });
    await h.publish(h.alice, { namespace: NS, name: "1000.txt" });
    await h.publish(h.alice, { namespace: NS, name: "Readme.md" });
    await h.publish(h.alice, { namespace: NS, name: "readme.md" });
    // LIKE wildcards in the prefix match only themselves.
    expect(await names(h.alice, { namespace: NS, namePrefix: "a_" })).toEqual(["a_b.txt"]);
    expect(await names(h.alice, { namespace: NS, namePrefix: "100%" })).toEqual(["100%.txt"]);
    // Names are distinct by case (both exist above), so the prefix is too.
    expect(await names(h.alice, { namespace: NS, namePrefix: "R" })).toEqual(["Readme.md"]);
    expect(await names(h.alice, { namespace: NS, namePrefix: "read" })).toEqual(["readme.md"]);
  });

  it("a prefix whose look-alikes fill whole pages still pages through the real matches exactly once", async () => {
    const real: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Three look-alikes (a wildcard match and a case variant) around each real match.
      await h.publish(h.alice, { namespace: NS, name: `logXa/${i}` });
      await h.publish(h.alice, { namespace: NS, name: `LOG_A/${i}` });
      real.push((await h.publish(h.alice, { namespace: NS, name: `log_a/${i}` })).artifact.id);
      await h.publish(h.alice, { namespace: NS, name: `log-a/${i}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listArtifacts(h.db, h.alice, { namespace: NS, namePrefix: "log_a/", limit: 3, cursor });
      expect(page.artifacts.length).toBeLessThanOrEqual(3);
      seen.push(...page.artifacts.map((a) => a.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...real].sort().reverse());
  });

  it("without a namespace, lists only namespaces the caller may read", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await createCustomNamespace(h.db, h.admin, "team:secret");
    await createGroup(h.db, h.admin, "crew");
    await addGroupMember(h.db, h.admin, "crew", "alice");
    await addGroupMember(h.db, h.admin, "crew", "bob");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "read" });
    const bob = await h.reload(h.bob);

    await h.publish(h.alice, { namespace: NS, name: "alice-private" });
    await h.publish(await h.reload(h.alice), { namespace: "ring:crew", name: "crew-shared" });
    await h.publish(h.admin, { namespace: "team:ml", name: "ml-model" });
    await h.publish(h.admin, { namespace: "team:secret", name: "secret-plan" });
    await h.publish(bob, { namespace: "agent:bob", name: "bob-own" });

    expect(await names(bob, {})).toEqual(["bob-own", "crew-shared", "ml-model"]);
    expect(await names(h.carol, {})).toEqual([]);
    expect(await names(h.admin, {})).toEqual(["alice-private", "bob-own", "crew-shared", "ml-model", "secret-plan"]);
    // Naming a namespace one may not read is refused, not silently empty.
    await stowageError(() => listArtifacts(h.db, bob, { namespace: NS, limit: 10 }), "ARTIFACT_NAMESPACE_DENIED", 403);
  });
});

describe("expired artifacts are never served", () => {
  it("disappear from list, get, versions, content lookups, views, updates and share links", async () => {
    const live = await h.publish(h.alice, { namespace: NS, name: "live.txt", sessionId: "s", runId: "r" });
    const doomed = await h.publish(h.alice, {
      namespace: NS,
      name: "doomed.txt",
      sessionId: "s",
      runId: "r",
      tags: ["t"],
      metadata: { k: "v" },
    });
    const id = doomed.artifact.id;
    const share = await createShareLink(h.db, h.alice, id, { maxSeconds: 3600, baseUrl: "http://x" });
    // Expire it in the database directly, as time passing would: no sweep has run.
    await h.db.artifact.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await names(h.alice, { namespace: NS })).toEqual(["live.txt"]);
    expect(await names(h.alice, {})).toEqual(["live.txt"]);
    expect(await names(h.alice, { namespace: NS, tag: "t" })).toEqual([]);
    expect(await names(h.alice, { namespace: NS, metadata: { k: "v" } })).toEqual([]);
    expect(await names(h.admin, { namespace: NS })).toEqual(["live.txt"]);
    await stowageError(() => getArtifact(h.db, h.alice, id), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getArtifact(h.db, h.admin, id), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getVersion(h.db, h.alice, id), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getVersion(h.db, h.alice, id, 0), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => listVersions(h.db, h.alice, id, { limit: 10 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => updateArtifact(h.db, h.alice, id, { tags: ["back"] }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => createShareLink(h.db, h.alice, id, { maxSeconds: 3600, baseUrl: "http://x" }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => resolveShareToken(h.db, share.url.split("/").pop()!), "ARTIFACT_NOT_FOUND", 404);
    expect((await getRunArtifacts(h.db, h.alice, NS, "r", { limit: 10 })).artifacts.map((a) => a.id)).toEqual([live.artifact.id]);
    expect((await getSessionArtifacts(h.db, h.alice, NS, "s", { limit: 10 })).artifacts.map((a) => a.id)).toEqual([live.artifact.id]);

    // A future expiry is still served.
    await h.db.artifact.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await getArtifact(h.db, h.alice, id)).id).toBe(id);
  });

  it("an expiresAt given at publish is kept and served until it passes", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const r = await h.publish(h.alice, { namespace: NS, name: "e.txt", expiresAt: at.toISOString() });
    expect(r.artifact.expiresAt).toBe(at.toISOString());
    expect(await names(h.alice, { namespace: NS })).toEqual(["e.txt"]);
  });
});

describe("getArtifact, getVersion, listVersions", () => {
  it("reads metadata, one version, and the history newest first in pages", async () => {
    for (let i = 0; i < 5; i++) await h.publish(h.alice, { namespace: NS, name: "h.txt", metadata: { i } }, `v${i}`);
    const id = (await listArtifacts(h.db, h.alice, { namespace: NS, limit: 1 })).artifacts[0]!.id;

    const a = await getArtifact(h.db, h.alice, id);
    expect(a).toMatchObject({
      name: "h.txt",
      namespace: NS,
      latestVersion: 4,
      latest: { version: 4, metadata: { i: 4 }, sha256: sha256("v4") },
    });
    const v2 = await getVersion(h.db, h.alice, id, 2);
    expect(v2.dto).toMatchObject({ version: 2, sha256: sha256("v2"), filename: "h.txt", mimeType: "text/plain" });
    expect(v2.row.backend).toBe("fs");
    expect((await getVersion(h.db, h.alice, id)).dto.version).toBe(4);
    await stowageError(() => getVersion(h.db, h.alice, id, 9), "ARTIFACT_NOT_FOUND", 404);

    const p1 = await listVersions(h.db, h.alice, id, { limit: 2 });
    const p2 = await listVersions(h.db, h.alice, id, { limit: 2, cursor: p1.nextCursor! });
    const p3 = await listVersions(h.db, h.alice, id, { limit: 2, cursor: p2.nextCursor! });
    expect([p1, p2, p3].flatMap((p) => p.versions.map((v) => v.version))).toEqual([4, 3, 2, 1, 0]);
    expect(p3.nextCursor).toBeNull();
  });

  it("is 404 for strangers and for unknown ids alike", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "private.txt" });
    const hidden = await stowageError(() => getArtifact(h.db, h.carol, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    const unknown = await stowageError(() => getArtifact(h.db, h.carol, "0000000000aaaaaaaaaaaaaaaa"), "ARTIFACT_NOT_FOUND", 404);
    expect(hidden.message).toBe(unknown.message);
    await stowageError(() => getVersion(h.db, h.carol, r.artifact.id, 0), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => listVersions(h.db, h.carol, r.artifact.id, { limit: 5 }), "ARTIFACT_NOT_FOUND", 404);
  });
});

describe("updateArtifact", () => {
  it("replaces tags and sets or clears expiresAt with write access; readers get 403", async () => {
    await createCustomNamespace(h.db, h.admin, "team:docs");
    await grantAccess(h.db, h.admin, "team:docs", { identity: "bob", permission: "read" });
    await grantAccess(h.db, h.admin, "team:docs", { identity: "alice", permission: "write" });
    const r = await h.publish(h.admin, { namespace: "team:docs", name: "doc.md", tags: ["a"] });
    const at = new Date(Date.now() + 86_400_000).toISOString();

    const updated = await updateArtifact(h.db, h.alice, r.artifact.id, { tags: "b,c", expiresAt: at });
    expect(updated).toMatchObject({ tags: ["b", "c"], expiresAt: at });
    expect((await updateArtifact(h.db, h.alice, r.artifact.id, { expiresAt: null })).expiresAt).toBeNull();
    expect((await getArtifact(h.db, h.bob, r.artifact.id)).tags).toEqual(["b", "c"]);

    await stowageError(() => updateArtifact(h.db, h.bob, r.artifact.id, { tags: ["x"] }), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => updateArtifact(h.db, h.carol, r.artifact.id, { tags: ["x"] }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(
      () => updateArtifact(h.db, h.alice, r.artifact.id, { expiresAt: "2000-01-01T00:00:00Z" }),
      "ARTIFACT_VALIDATION_FAILED",
      400,
    );
    expect((await getArtifact(h.db, h.bob, r.artifact.id)).tags).toEqual(["b", "c"]);
  });
});

describe("run and session views", () => {
  it("a run shows what it published; a session rolls up its artifacts and its runs' artifacts", async () => {
    const a = await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r1" });
    await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r2" });
    await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r1" });
    // Namespace-level, but published by a run of s1: part of the s1 roll-up.
    const shared = await h.publish(h.alice, { namespace: NS, name: "shared.txt", runId: "r1" });
    const other = await h.publish(h.alice, { namespace: NS, name: "other.txt", sessionId: "s2", runId: "r3" });
    await h.publish(h.alice, { namespace: NS, name: "loose.txt" });

    const run = await getRunArtifacts(h.db, h.alice, NS, "r1", { limit: 10 });
    expect(run.run).toMatchObject({ id: "r1", sessionId: "s1", namespace: NS });
    const newestFirst = [a.artifact.id, shared.artifact.id].sort().reverse();
    expect(run.artifacts.map((x) => x.id)).toEqual(newestFirst);
    // Only the versions r1 published, newest first (r2 published version 1).
    expect(run.artifacts.find((x) => x.id === a.artifact.id)!.runVersions.map((v) => v.version)).toEqual([2, 0]);
    expect(run.artifacts.find((x) => x.id === shared.artifact.id)!.runVersions.map((v) => v.version)).toEqual([0]);

    const session = await getSessionArtifacts(h.db, h.alice, NS, "s1", { limit: 10 });
    expect(session.session.runs.map((r) => r.id).sort()).toEqual(["r1", "r2"]);
    expect(session.artifacts.map((x) => x.id)).toEqual(newestFirst);
    expect((await getSessionArtifacts(h.db, h.alice, NS, "s2", { limit: 10 })).artifacts.map((x) => x.id)).toEqual([other.artifact.id]);

    await stowageError(() => getRunArtifacts(h.db, h.alice, NS, "no-such-run", { limit: 10 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getSessionArtifacts(h.db, h.alice, NS, "no-such-session", { limit: 10 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getRunArtifacts(h.db, h.carol, NS, "r1", { limit: 10 }), "ARTIFACT_NAMESPACE_DENIED", 403);
  });
});
