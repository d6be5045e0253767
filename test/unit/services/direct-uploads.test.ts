import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { completeDirectUpload } from "@/lib/uploads/complete-direct-upload";
import { expectedPartSize, planParts } from "@/lib/uploads/plan-parts";
import { startDirectUpload } from "@/lib/uploads/start-direct-upload";
import { sweepDirectUploads } from "@/lib/uploads/sweep-direct-uploads";
import { sha256, stowageError, useFreshHarness } from "../../support/service-harness";

const MiB = 1024 * 1024;
const GB = 1024 * 1024 * 1024;

describe("planParts", () => {
  it("fits any size up to 100 GB into at most 10,000 parts of whole MiB", () => {
    for (const size of [1, 5 * MiB, 16 * MiB + 1, 10 * GB, 100 * GB]) {
      const { partSize, partCount } = planParts(size);
      expect(partCount).toBeLessThanOrEqual(10_000);
      expect(partSize * partCount).toBeGreaterThanOrEqual(size);
      expect(partSize * (partCount - 1)).toBeLessThan(size);
      const last = expectedPartSize({ sizeBytes: size, partSize, partCount }, partCount);
      expect(last).toBeGreaterThan(0);
      expect(last).toBeLessThanOrEqual(partSize);
    }
    expect(planParts(100 * GB).partSize % MiB).toBe(0);
  });

  it("takes a requested part size within S3's limits, and refuses others", () => {
    expect(planParts(12 * MiB, 5 * MiB)).toEqual({ partSize: 5 * MiB, partCount: 3 });
    expect(() => planParts(12 * MiB, 4 * MiB)).toThrow(/partSize/);
    expect(() => planParts(12 * MiB, 6 * 1024 * MiB)).toThrow(/partSize/);
    expect(() => planParts(100 * GB, 5 * MiB)).toThrow(/at most 10000 parts/);
  });
});

describe("direct uploads (services)", () => {
  const h = useFreshHarness();
  const content = Buffer.alloc(6 * MiB, 7);

  async function started(extra: { sha256?: string } = {}) {
    const upload = await startDirectUpload(h.db, h.store, h.alice, 100 * GB, {
      fields: { namespace: "agent:alice", name: "big.bin" },
      size: content.length,
      partSize: 5 * MiB,
      ...extra,
    });
    const row = await h.db.directUpload.findUniqueOrThrow({ where: { id: upload.id } });
    const send = (n: number) =>
      h.store.multipart.putPart(
        row.storageKey,
        row.backendUploadId,
        n,
        Readable.from([content.subarray((n - 1) * 5 * MiB, n * 5 * MiB)]),
        expectedPartSize(row, n),
      );
    return { upload, row, send };
  }

  it("two completions at once publish exactly one version", async () => {
    const { upload, send } = await started({ sha256: sha256(content) });
    await send(1);
    await send(2);
    const results = await Promise.allSettled([
      completeDirectUpload(h.db, h.alice, upload.id),
      completeDirectUpload(h.db, h.alice, upload.id),
    ]);
    const versions = await h.db.artifactVersion.findMany();
    expect(versions).toHaveLength(1);
    for (const r of results) {
      // The loser either sees the finished result or is told the upload is being completed.
      if (r.status === "fulfilled")
        expect([r.value.artifact.id, r.value.version.version]).toEqual([versions[0]!.artifactId, versions[0]!.version]);
      else expect((r.reason as { code: string }).code).toBe("ARTIFACT_UPLOAD_CLOSED");
    }
    expect(results.some((r) => r.status === "fulfilled" && !r.value.replayed)).toBe(true);
  });

  it("the sweep closes uploads whose time ran out and deletes their parts", async () => {
    const open = await started();
    await open.send(1);
    const fresh = await started();
    await h.db.directUpload.update({ where: { id: open.upload.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await sweepDirectUploads(h.db)).toBe(1);
    expect((await h.db.directUpload.findUniqueOrThrow({ where: { id: open.upload.id } })).status).toBe("expired");
    expect((await h.db.directUpload.findUniqueOrThrow({ where: { id: fresh.upload.id } })).status).toBe("pending");
    expect((await h.blobFiles()).filter((f) => f.startsWith(`.uploads/${open.row.backendUploadId}/`))).toEqual([]);
    await stowageError(() => completeDirectUpload(h.db, h.alice, open.upload.id), "ARTIFACT_UPLOAD_CLOSED", 409);
    // A second sweep (or a second instance) finds nothing left to do.
    expect(await sweepDirectUploads(h.db)).toBe(0);
  });

  it("a completer that died is swept too, with the bytes it joined", async () => {
    const { upload, row, send } = await started();
    await send(1);
    await send(2);
    // As if a process joined the parts and died before committing.
    await h.store.multipart.complete(
      row.storageKey,
      row.backendUploadId,
      await h.store.multipart.listParts(row.storageKey, row.backendUploadId),
    );
    await h.db.directUpload.update({ where: { id: upload.id }, data: { status: "completing", expiresAt: new Date(Date.now() - 1000) } });
    expect(await h.store.exists(row.storageKey)).toBe(true);
    expect(await sweepDirectUploads(h.db)).toBe(1);
    expect(await h.store.exists(row.storageKey)).toBe(false);
    expect(await h.db.artifactVersion.count()).toBe(0);
  });

  it("a completer that died after its commit leaves the version's bytes to the version", async () => {
    const { upload, row, send } = await started();
    await send(1);
    await send(2);
    await completeDirectUpload(h.db, h.alice, upload.id);
    // As if the process died between the commit and marking the upload completed.
    await h.db.directUpload.update({ where: { id: upload.id }, data: { status: "completing", expiresAt: new Date(Date.now() - 1000) } });
    expect(await sweepDirectUploads(h.db)).toBe(1);
    expect(await h.store.exists(row.storageKey)).toBe(true);
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
  });

  it("access revoked while the parts travel stops the completion", async () => {
    const ns = await h.db.namespace.create({ data: { id: "nsteam0000000000000000000a", name: "team:x", kind: "custom" } });
    await h.db.grant.create({
      data: { id: "grant00000000000000000000a", namespaceId: ns.id, identityId: h.bob.identityId, permission: "write" },
    });
    const upload = await startDirectUpload(h.db, h.store, h.bob, 100 * GB, { fields: { namespace: "team:x", name: "a.bin" }, size: 10 });
    await h.db.grant.deleteMany({ where: { identityId: h.bob.identityId } });
    await stowageError(() => completeDirectUpload(h.db, h.bob, upload.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect((await h.db.directUpload.findUniqueOrThrow({ where: { id: upload.id } })).status).toBe("pending");
  });
});
