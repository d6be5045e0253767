import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { reconcileUsage } from "@/lib/quota/reconcile-usage";
import { reclaimExpiredReservations, reserveQuota } from "@/lib/quota/reserve-quota";
import { updateNamespaceSettings } from "@/lib/quota/update-namespace-settings";
import { abortDirectUpload } from "@/lib/uploads/abort-direct-upload";
import { startDirectUpload } from "@/lib/uploads/start-direct-upload";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const NS = "agent:alice";
const GB = 1024 * 1024 * 1024;

describe("quotas", () => {
  const h = useFreshHarness();
  const usage = () => getNamespaceUsage(h.db, h.admin, NS);
  const setQuota = (quotaBytes: number | null) => updateNamespaceSettings(h.db, h.admin, NS, { quotaBytes });

  it("refuses an upload past the quota with 409 and the numbers, storing and charging nothing", async () => {
    await setQuota(1000);
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(600), { declaredSize: 600 });
    const e = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "b" }, "x".repeat(500), { declaredSize: 500 }),
      "ARTIFACT_QUOTA_EXCEEDED",
      409,
    );
    expect(e.details).toMatchObject({ usedBytes: 600, quotaBytes: 1000, requestedBytes: 500, namespace: NS });
    expect(await usage()).toMatchObject({ usedBytes: 600, reservedBytes: 0, versionCount: 1 });
    expect((await h.blobFiles()).filter((f) => f.startsWith("v1/"))).toHaveLength(1);
    // What fits still goes in, up to the byte.
    await h.publish(h.alice, { namespace: NS, name: "c" }, "x".repeat(400), { declaredSize: 400 });
    expect(await usage()).toMatchObject({ usedBytes: 1000, reservedBytes: 0 });
  });

  it("small declared uploads that all pass the first look: the commit charges exactly what fits and leaves nothing of the others", async () => {
    await setQuota(1000);
    // Ten at once: each sees an empty namespace before any byte is stored, so only the
    // conditional charge at commit can tell them apart.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => h.publish(h.alice, { namespace: NS, name: `r${i}` }, "x".repeat(300), { declaredSize: 300 })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", status: 409 });
    expect(await usage()).toMatchObject({ usedBytes: 900, reservedBytes: 0, versionCount: 3 });
    expect((await h.blobFiles()).filter((f) => f.startsWith("v1/"))).toHaveLength(3);
    expect(await h.db.artifact.count()).toBe(3);
  });

  it("stops a body of unknown length once it grows past the quota", async () => {
    await setQuota(20 * 1024 * 1024);
    async function* endless() {
      for (;;) yield Buffer.alloc(1024 * 1024, 1);
    }
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "stream" }, undefined, { body: Readable.from(endless()), maxBytes: GB }),
      "ARTIFACT_QUOTA_EXCEEDED",
      409,
    );
    expect(await usage()).toMatchObject({ usedBytes: 0, reservedBytes: 0, versionCount: 0 });
    expect(await h.blobFiles()).toEqual([]);
  });

  it("lets admins past the quota, still counting what they store", async () => {
    await setQuota(10);
    await h.publish(h.admin, { namespace: NS, name: "big" }, "x".repeat(100), { declaredSize: 100 });
    expect(await usage()).toMatchObject({ usedBytes: 100, quotaBytes: 10 });
    await stowageError(() => h.publish(h.alice, { namespace: NS, name: "more" }, "x", { declaredSize: 1 }), "ARTIFACT_QUOTA_EXCEEDED", 409);
  });

  it("holds a direct upload's whole size from its start, and gives it back on abort", async () => {
    await setQuota(10 * 1024 * 1024);
    const start = (size: number) =>
      startDirectUpload(h.db, h.store, h.alice, 100 * GB, { fields: { namespace: NS, name: "big.bin" }, size });
    const upload = await start(8 * 1024 * 1024);
    expect(await usage()).toMatchObject({ usedBytes: 0, reservedBytes: 8 * 1024 * 1024 });
    const e = await stowageError(() => start(3 * 1024 * 1024), "ARTIFACT_QUOTA_EXCEEDED", 409);
    expect(e.details).toMatchObject({ reservedBytes: 8 * 1024 * 1024, requestedBytes: 3 * 1024 * 1024 });
    await abortDirectUpload(h.db, h.alice, upload.id);
    expect(await usage()).toMatchObject({ reservedBytes: 0 });
    await start(3 * 1024 * 1024);
  });

  it("reclaims what a dead process held once its reservation expires", async () => {
    await setQuota(1000);
    const ns = await h.db.namespace.findUniqueOrThrow({ where: { name: NS } });
    const r = await reserveQuota(h.db, h.alice, ns, 900n, { ttlMs: 60_000 });
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "x" }, "x".repeat(200), { declaredSize: 200 }),
      "ARTIFACT_QUOTA_EXCEEDED",
      409,
    );
    expect(await reclaimExpiredReservations(h.db)).toBe(0);
    await h.db.quotaReservation.update({ where: { id: r.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await reclaimExpiredReservations(h.db)).toBe(1);
    expect(await usage()).toMatchObject({ reservedBytes: 0 });
    await h.publish(h.alice, { namespace: NS, name: "x" }, "x".repeat(200), { declaredSize: 200 });
  });

  it("reconciliation recomputes usage from the version table and reports drift", async () => {
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(300));
    await h.publish(h.bob, { namespace: "agent:bob", name: "b" }, "x".repeat(70));
    expect((await reconcileUsage(h.db, { fix: false })).drifted).toEqual([]);
    await h.db.namespace.update({ where: { name: NS }, data: { usedBytes: 5, reservedBytes: 99 } });
    const report = await reconcileUsage(h.db, { fix: false });
    expect(report.drifted).toEqual([
      { namespace: NS, usedBytes: { recorded: 5, actual: 300 }, reservedBytes: { recorded: 99, actual: 0 } },
    ]);
    expect(await usage()).toMatchObject({ usedBytes: 5 });
    await reconcileUsage(h.db, { fix: true });
    expect(await usage()).toMatchObject({ usedBytes: 300, reservedBytes: 0 });
    expect((await reconcileUsage(h.db, { fix: false })).drifted).toEqual([]);
  });

  it("settings: admins only, validated before anything changes", async () => {
    await stowageError(() => updateNamespaceSettings(h.db, h.alice, NS, { quotaBytes: 5 }), "FORBIDDEN", 403);
    for (const bad of [
      { quotaBytes: -1 },
      { quotaBytes: 1.5 },
      { retentionDays: 0 },
      { retentionDays: 36_501 },
      { quotaBytes: 10, retentionDays: 2.5 },
      {},
    ]) {
      await stowageError(() => updateNamespaceSettings(h.db, h.admin, NS, bad), "ARTIFACT_VALIDATION_FAILED", 400);
    }
    expect(await usage()).toMatchObject({ quotaOverride: false, retentionDays: null });
    await stowageError(() => updateNamespaceSettings(h.db, h.admin, "team:none", { quotaBytes: 1 }), "ARTIFACT_NOT_FOUND", 404);
    await updateNamespaceSettings(h.db, h.admin, NS, { quotaBytes: 0, retentionDays: 30 });
    expect(await usage()).toMatchObject({ quotaBytes: 0, quotaOverride: true, retentionDays: 30 });
    await updateNamespaceSettings(h.db, h.admin, NS, { quotaBytes: null });
    expect(await usage()).toMatchObject({ quotaBytes: 500 * 1024 * 1024, quotaOverride: false, retentionDays: 30 });
  });
});
