import { describe, expect, it } from "vitest";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { listNamespaceGrants } from "@/lib/admin/list-namespace-grants";
import { listWritableNamespaces } from "@/lib/access/list-writable-namespaces";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { listLargestArtifacts } from "@/lib/artifacts/list-largest-artifacts";
import { listNamespaceUsages } from "@/lib/artifacts/list-namespace-usages";
import { addUsage } from "@/lib/quota/add-usage";
import { fillDaySeries, getUsageSeries } from "@/lib/quota/get-usage-series";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const NS = "agent:alice";
const today = () => new Date().toISOString().slice(0, 10);

describe("usage samples", () => {
  const h = useFreshHarness();
  const nsId = async (name = NS) => (await h.db.namespace.findUniqueOrThrow({ where: { name } })).id;
  const samples = async (name = NS) =>
    (await h.db.usageSample.findMany({ where: { namespaceId: await nsId(name) }, orderBy: { day: "asc" } })).map((s) => ({
      day: s.day,
      usedBytes: Number(s.usedBytes),
    }));

  it("every commit and delete leaves today's sample equal to the namespace's counter", async () => {
    expect(await samples()).toEqual([]);
    const a = await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(100));
    expect(await samples()).toEqual([{ day: today(), usedBytes: 100 }]);
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(30));
    const b = await h.publish(h.alice, { namespace: NS, name: "b" }, "x".repeat(7));
    expect(await samples()).toEqual([{ day: today(), usedBytes: 137 }]);
    await deleteVersion(h.db, h.alice, a.artifact.id, 0);
    expect(await samples()).toEqual([{ day: today(), usedBytes: 37 }]);
    await deleteArtifact(h.db, h.alice, b.artifact.id);
    expect(await samples()).toEqual([{ day: today(), usedBytes: 30 }]);
    expect((await getNamespaceUsage(h.db, h.alice, NS)).usedBytes).toBe(30);
    // Other namespaces are untouched.
    expect(await samples("agent:bob")).toEqual([]);
  });

  it("keeps one sample per UTC day, each the day's last value", async () => {
    const id = await nsId();
    const at = (iso: string) => new Date(iso);
    await h.db.$transaction((tx) => addUsage(tx, id, 500, at("2026-03-01T23:59:59Z")));
    await h.db.$transaction((tx) => addUsage(tx, id, -200, at("2026-03-02T00:00:00Z")));
    await h.db.$transaction((tx) => addUsage(tx, id, 50, at("2026-03-02T12:00:00Z")));
    // No change, no write.
    await h.db.$transaction((tx) => addUsage(tx, id, 0, at("2026-03-03T12:00:00Z")));
    expect(await samples()).toEqual([
      { day: "2026-03-01", usedBytes: 500 },
      { day: "2026-03-02", usedBytes: 350 },
    ]);
  });

  it("a failed transaction writes no sample", async () => {
    const id = await nsId();
    await expect(
      h.db.$transaction(async (tx) => {
        await addUsage(tx, id, 500);
        throw new Error("commit failed");
      }),
    ).rejects.toThrow("commit failed");
    expect(await samples()).toEqual([]);
    expect((await getNamespaceUsage(h.db, h.alice, NS)).usedBytes).toBe(0);
  });

  it("reads a day series that carries the last sample forward, for readers only", async () => {
    const id = await nsId();
    await h.db.namespace.update({ where: { id }, data: { createdAt: new Date("2026-01-01T00:00:00Z"), usedBytes: 900 } });
    await h.db.usageSample.createMany({
      data: [
        { namespaceId: id, day: "2026-02-20", usedBytes: 100n },
        { namespaceId: id, day: "2026-03-02", usedBytes: 300n },
        { namespaceId: id, day: "2026-03-04", usedBytes: 900n },
      ],
    });
    const series = await getUsageSeries(h.db, h.alice, NS, 5, new Date("2026-03-05T10:00:00Z"));
    expect(series).toEqual([
      { day: "2026-03-01", usedBytes: 100 },
      { day: "2026-03-02", usedBytes: 300 },
      { day: "2026-03-03", usedBytes: 300 },
      { day: "2026-03-04", usedBytes: 900 },
      { day: "2026-03-05", usedBytes: 900 },
    ]);
    expect(await getUsageSeries(h.db, h.alice, NS, 30, new Date("2026-03-05T10:00:00Z"))).toHaveLength(30);
    await stowageError(() => getUsageSeries(h.db, h.carol, NS, 30), "ARTIFACT_NAMESPACE_DENIED", 403);
  });
});

describe("fillDaySeries", () => {
  const base = { samples: [], before: null, days: 4, today: "2026-03-04", createdDay: "2026-01-01", currentBytes: 10 };

  it("is 0 before the namespace existed, unknown after that until a sample, and live today", () => {
    expect(fillDaySeries({ ...base, createdDay: "2026-03-03", samples: [] })).toEqual([
      { day: "2026-03-01", usedBytes: 0 },
      { day: "2026-03-02", usedBytes: 0 },
      { day: "2026-03-03", usedBytes: null },
      { day: "2026-03-04", usedBytes: 10 },
    ]);
  });

  it("starts from the last sample before the window and crosses month ends", () => {
    const series = fillDaySeries({
      ...base,
      today: "2026-03-01",
      days: 3,
      before: { day: "2026-01-10", usedBytes: 42 },
      samples: [{ day: "2026-02-28", usedBytes: 7 }],
      currentBytes: 7,
    });
    expect(series).toEqual([
      { day: "2026-02-27", usedBytes: 42 },
      { day: "2026-02-28", usedBytes: 7 },
      { day: "2026-03-01", usedBytes: 7 },
    ]);
  });
});

describe("namespace listings for the dashboard", () => {
  const h = useFreshHarness();

  it("lists usage and counts per readable namespace, agreeing with getNamespaceUsage", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "read" });
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(10));
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(20));
    const gone = await h.publish(h.alice, { namespace: NS, name: "expired" }, "x".repeat(5));
    await h.publish(h.alice, { namespace: NS, name: "expired" }, "x".repeat(5));
    // Expired but not yet swept: out of the counts, still in the bytes.
    await h.db.artifact.update({ where: { id: gone.artifact.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await h.publish(h.admin, { namespace: "team:ml", name: "m" }, "x".repeat(3));
    await h.publish(h.bob, { namespace: "agent:bob", name: "b" }, "x");

    const rows = await listNamespaceUsages(h.db, h.alice);
    expect(rows.map((r) => r.name)).toEqual([NS, "team:ml"]);
    expect(rows[0]).toMatchObject({ usedBytes: 40, artifactCount: 1, versionCount: 2, quotaOverride: false });
    expect(rows[1]).toMatchObject({ usedBytes: 3, artifactCount: 1, versionCount: 1 });
    for (const row of rows)
      expect(row).toMatchObject(
        await getNamespaceUsage(h.db, h.alice, row.name).then(({ namespace, retentionDays, keepVersions, ...u }) => u),
      );

    const all = await listNamespaceUsages(h.db, h.admin);
    expect(all.map((r) => r.name)).toEqual(["agent:alice", "agent:bob", "agent:carol", "agent:root", "team:ml"]);
    expect(all.find((r) => r.name === "agent:bob")).toMatchObject({ usedBytes: 1, artifactCount: 1, versionCount: 1 });
    expect(await listNamespaceUsages(h.db, h.carol)).toEqual([
      expect.objectContaining({ name: "agent:carol", artifactCount: 0, versionCount: 0 }),
    ]);
  });

  it("ranks the largest artifacts by the total size of their versions", async () => {
    await h.publish(h.alice, { namespace: NS, name: "many-small" }, "x".repeat(40));
    await h.publish(h.alice, { namespace: NS, name: "many-small" }, "x".repeat(40));
    await h.publish(h.alice, { namespace: NS, name: "one-big" }, "x".repeat(60));
    await h.publish(h.alice, { namespace: NS, name: "tiny" }, "x");
    await h.publish(h.bob, { namespace: "agent:bob", name: "elsewhere" }, "x".repeat(500));
    const top = await listLargestArtifacts(h.db, h.alice, NS, 2);
    expect(top.map((a) => [a.name, a.totalBytes, a.versionCount, a.latestVersion])).toEqual([
      ["many-small", 80, 2, 1],
      ["one-big", 60, 1, 0],
    ]);
    await stowageError(() => listLargestArtifacts(h.db, h.carol, NS), "ARTIFACT_NAMESPACE_DENIED", 403);
  });

  it("offers for upload only the namespaces the viewer can write", async () => {
    await createCustomNamespace(h.db, h.admin, "team:read");
    await createCustomNamespace(h.db, h.admin, "team:write");
    await grantAccess(h.db, h.admin, "team:read", { identity: "alice", permission: "read" });
    await grantAccess(h.db, h.admin, "team:write", { identity: "alice", permission: "write" });
    expect(await listWritableNamespaces(h.db, h.alice)).toEqual([NS, "team:write"]);
    expect(await listWritableNamespaces(h.db, h.carol)).toEqual(["agent:carol"]);
    expect(await listWritableNamespaces(h.db, h.admin)).toContain("team:read");
  });

  it("shows a namespace's grants to its readers and to no one else", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "read" });
    await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "write" });
    expect(await listNamespaceGrants(h.db, h.alice, "team:ml")).toEqual([
      expect.objectContaining({ identity: "alice", group: null, permission: "read" }),
      expect.objectContaining({ identity: "bob", group: null, permission: "write" }),
    ]);
    await stowageError(() => listNamespaceGrants(h.db, h.carol, "team:ml"), "ARTIFACT_NAMESPACE_DENIED", 403);
  });
});
