import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { createShareLink, resolveShareToken } from "@/lib/sharing/share-links";
import { sha256, stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
afterEach(() => {
  vi.useRealTimers();
});

const NS = "agent:alice";
const BASE = "https://stowage.example/";
const MAX = 86_400;

const tokenOf = (url: string) => {
  const prefix = "https://stowage.example/api/v1/share/";
  expect(url.startsWith(prefix)).toBe(true);
  return url.slice(prefix.length);
};

/** Only Date is faked: the database driver's own timers keep running. */
const freezeAt = (ms: number) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
};

async function twoVersions() {
  await h.publish(h.alice, { namespace: NS, name: "shared.txt" }, "first");
  return h.publish(h.alice, { namespace: NS, name: "shared.txt" }, "second");
}

describe("createShareLink", () => {
  it("defaults to an hour, capped by the configured maximum", async () => {
    const { artifact } = await twoVersions();
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    freezeAt(now);
    const link = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: MAX, baseUrl: BASE });
    expect(link.expiresAt).toBe(new Date(now + 3600_000).toISOString());
    expect(link.version).toBe(1);
    const capped = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: 600, baseUrl: BASE });
    expect(capped.expiresAt).toBe(new Date(now + 600_000).toISOString());
  });

  it("accepts 60 s to the maximum and refuses anything else (400)", async () => {
    const { artifact } = await twoVersions();
    for (const expiresIn of [59, 0, -5, MAX + 1, 60.5, Number.NaN]) {
      const e = await stowageError(() => createShareLink(h.db, h.alice, artifact.id, { expiresIn, maxSeconds: MAX, baseUrl: BASE }), "ARTIFACT_VALIDATION_FAILED", 400);
      expect(e.details.field).toBe("expiresIn");
    }
    const now = Date.UTC(2030, 0, 1);
    freezeAt(now);
    const min = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: 60, maxSeconds: MAX, baseUrl: BASE });
    expect(min.expiresAt).toBe(new Date(now + 60_000).toISOString());
    const max = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: MAX, maxSeconds: MAX, baseUrl: BASE });
    expect(max.expiresAt).toBe(new Date(now + MAX * 1000).toISOString());
  });

  it("binds a chosen version; unknown versions and artifacts one cannot read are 404", async () => {
    const { artifact } = await twoVersions();
    const link = await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE });
    const row = await resolveShareToken(h.db, tokenOf(link.url));
    expect(row.version).toBe(0);
    expect(row.sha256).toBe(sha256("first"));
    await stowageError(() => createShareLink(h.db, h.alice, artifact.id, { version: 7, maxSeconds: MAX, baseUrl: BASE }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => createShareLink(h.db, h.carol, artifact.id, { maxSeconds: MAX, baseUrl: BASE }), "ARTIFACT_NOT_FOUND", 404);
  });
});

describe("resolveShareToken", () => {
  it("accepts the token from the URL and finds the version's bytes", async () => {
    const { artifact } = await twoVersions();
    const link = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: MAX, baseUrl: BASE });
    const row = await resolveShareToken(h.db, tokenOf(link.url));
    expect(row).toMatchObject({ artifactId: artifact.id, version: 1, sha256: sha256("second") });
    expect((await h.store.exists(row.storageKey))).toBe(true);
  });

  it("rejects a token with any part changed (403)", async () => {
    const { artifact } = await twoVersions();
    const other = await h.publish(h.alice, { namespace: NS, name: "other.txt" }, "other");
    const link = await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE });
    const token = tokenOf(link.url);
    const [id, version, expires, signature] = token.split(".") as [string, string, string, string];
    expect(id).toBe(artifact.id);

    const i = 20;
    const flipped = signature.slice(0, i) + (signature[i] === "A" ? "B" : "A") + signature.slice(i + 1);
    const tampered = {
      signature: [id, version, expires, flipped].join("."),
      version: [id, "1", expires, signature].join("."),
      artifact: [other.artifact.id, version, expires, signature].join("."),
      expiry: [id, version, String(Number(expires) + 86_400), signature].join("."),
      truncated: token.slice(0, -1),
      garbage: "not-a-token",
      empty: "",
    };
    for (const [what, bad] of Object.entries(tampered)) {
      const e = await stowageError(() => resolveShareToken(h.db, bad), "ARTIFACT_SHARE_LINK_INVALID", 403);
      expect(e.message, what).toMatch(/not valid/);
    }
    // The untouched token still works.
    expect((await resolveShareToken(h.db, token)).version).toBe(0);
  });

  it("rejects a token once it has expired, and not a moment before", async () => {
    const { artifact } = await twoVersions();
    const start = Date.UTC(2030, 5, 1, 8, 0, 0);
    freezeAt(start);
    const link = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: 60, maxSeconds: MAX, baseUrl: BASE });
    const token = tokenOf(link.url);

    vi.setSystemTime(start + 59_999);
    expect((await resolveShareToken(h.db, token)).version).toBe(1);
    vi.setSystemTime(start + 60_000);
    const e = await stowageError(() => resolveShareToken(h.db, token), "ARTIFACT_SHARE_LINK_INVALID", 403);
    expect(e.message).toMatch(/expired/);
    vi.setSystemTime(start + 86_400_000);
    await stowageError(() => resolveShareToken(h.db, token), "ARTIFACT_SHARE_LINK_INVALID", 403);
  });

  it("is 404 once the artifact or the shared version is deleted", async () => {
    const { artifact } = await twoVersions();
    const v0 = tokenOf((await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE })).url);
    const v1 = tokenOf((await createShareLink(h.db, h.alice, artifact.id, { version: 1, maxSeconds: MAX, baseUrl: BASE })).url);
    await deleteVersion(h.db, h.alice, artifact.id, 0);
    await stowageError(() => resolveShareToken(h.db, v0), "ARTIFACT_NOT_FOUND", 404);
    expect((await resolveShareToken(h.db, v1)).version).toBe(1);
    await deleteArtifact(h.db, h.alice, artifact.id);
    await stowageError(() => resolveShareToken(h.db, v1), "ARTIFACT_NOT_FOUND", 404);
  });
});
