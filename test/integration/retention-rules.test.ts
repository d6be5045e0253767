import { describe, expect, it } from "vitest";
import { getNamespaceOp, updateNamespaceSettingsOp } from "../../lib/api-contract/admin.ts";
import { previewRetentionOp } from "../../lib/api-contract/retention.ts";
import { adminApi, api, clientFor, createAgent, uniq, type TClient } from "../support/api.ts";
import { conforms, failsWith } from "../support/contract-checks.ts";
import { ownServer } from "../support/own-server.ts";
import { waitFor } from "../support/wait-for.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const body = (i: number) => "x".repeat(10 * (i + 1));

describe("keep the last N versions", () => {
  const own = ownServer("keep");

  it("the preview lists exactly what the sweep then removes: older versions, not the latest nor a protected one, and the expired artifacts", async () => {
    const side = await own.start();
    const owner = await createAgent(uniq("keep"), {}, side.admin);
    const ns = owner.namespace;
    const c: TClient = owner.client;
    // a.txt: versions 0–4 of 10, 20, 30, 40, 50 bytes; b.txt: two versions, within the rule.
    let a = "";
    for (let i = 0; i < 5; i++) {
      const up = await c.upload({ namespace: ns, name: "a.txt" }, body(i));
      expect(up.status).toBe(201);
      a = up.body.artifact.id;
    }
    const b = (await c.upload({ namespace: ns, name: "b.txt" }, "1234567")).body.artifact.id as string;
    expect((await c.upload({ namespace: ns, name: "b.txt" }, "12345678")).status).toBe(201);
    const expiresAt = new Date(Date.now() + 2_000).toISOString();
    const gone = (await c.upload({ namespace: ns, name: "gone.txt", expiresAt }, "gone!!")).body.artifact.id as string;
    expect(
      (await c.json(`/api/v1/artifacts/${a}/aliases/production`, { method: "PUT", json: { version: 1, protected: true } })).status,
    ).toBe(201);
    expect((await c.json(`/api/v1/artifacts/${a}/aliases/best`, { method: "PUT", json: { version: 0 } })).status).toBe(201);

    const set = await side.admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { keepVersions: 2 } });
    expect(conforms(updateNamespaceSettingsOp, set)).toMatchObject({ keepVersions: 2, retentionDays: null });
    expect(conforms(getNamespaceOp, await c.json(`/api/v1/namespaces/${ns}`))).toMatchObject({ keepVersions: 2 });
    const usedBefore = (await c.json(`/api/v1/namespaces/${ns}/usage`)).body.usedBytes as number;
    expect(usedBefore).toBe(150 + 15 + 6);

    await sleep(Date.parse(expiresAt) - Date.now() + 250);
    const preview = conforms(previewRetentionOp, await c.json(`/api/v1/namespaces/${ns}/retention/preview`));
    expect(preview).toEqual({
      namespace: ns,
      rules: { retentionDays: null, keepVersions: 2 },
      versions: [
        { artifactId: a, name: "a.txt", version: 0, sizeBytes: 10, reason: "keepVersions" },
        { artifactId: a, name: "a.txt", version: 2, sizeBytes: 30, reason: "keepVersions" },
      ],
      artifacts: [{ artifactId: gone, name: "gone.txt", versions: 1, sizeBytes: 6, reason: "expiresAt" }],
      totalBytes: 46,
      truncated: false,
    });
    // A dry run: nothing changed.
    expect((await c.json(`/api/v1/artifacts/${a}/versions`)).body.versions).toHaveLength(5);

    const keyOf = async (version: number) =>
      (
        await own.sql<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion" WHERE "artifactId" = $1 AND "version" = $2`, [
          a,
          version,
        ])
      )[0]!.storageKey;
    const doomedKeys = [await keyOf(0), await keyOf(2)];
    const keptKeys = [await keyOf(1), await keyOf(3), await keyOf(4)];

    // A start sweeps (as every ARTIFACT_GC_INTERVAL_MINUTES does).
    const restarted = await own.start();
    const admin = restarted.admin;
    const again = clientFor(restarted.server.baseUrl, owner.key);
    await waitFor(
      "the sweep",
      async () =>
        (await own.sql(`SELECT "id" FROM "ArtifactVersion" WHERE "artifactId" = $1`, [a])).length === 3 &&
        (await own.sql(`SELECT "id" FROM "Artifact" WHERE "id" = $1`, [gone])).length === 0,
      { everyMs: 200 },
    );
    await waitFor("the blob deletes", async () => (await own.sql(`SELECT "id" FROM "PendingBlobDelete"`)).length === 0);
    const files = await own.versionFiles();
    for (const key of doomedKeys) expect(files).not.toContain(key);
    for (const key of keptKeys) expect(files).toContain(key);

    const versions = (await again.json(`/api/v1/artifacts/${a}/versions`)).body.versions.map((v: { version: number }) => v.version);
    expect(versions).toEqual([4, 3, 1]);
    expect((await again.json(`/api/v1/artifacts/${a}`)).body.artifact.latestVersion).toBe(4);
    expect(await (await again.request(`/api/v1/artifacts/${a}/content?alias=production`)).text()).toBe(body(1));
    // The unprotected alias went with its version.
    expect((await again.json(`/api/v1/artifacts/${a}/aliases`)).body.aliases.map((x: { name: string }) => x.name)).toEqual(["production"]);
    expect((await again.json(`/api/v1/artifacts/${b}/versions`)).body.versions).toHaveLength(2);
    // Exactly their bytes back, and usage agrees with what is stored.
    const usage = (await again.json(`/api/v1/namespaces/${ns}/usage`)).body;
    expect(usage).toMatchObject({ usedBytes: usedBefore - 46, artifactCount: 2, versionCount: 5 });
    const [total] = await own.sql<{ sum: number | string }>(`SELECT SUM("sizeBytes") AS "sum" FROM "ArtifactVersion"`);
    expect(Number(total!.sum)).toBe(usage.usedBytes);

    // Audited by the system, one event per version; the preview promised exactly these.
    const audit = (await admin.json(`/api/v1/audit?namespace=${encodeURIComponent(ns)}&action=version.expire&limit=50`)).body.events;
    expect(
      audit
        .map((e: { artifactId: string; version: number; actorId: string | null; actorName: string }) => [
          e.artifactId,
          e.version,
          e.actorId,
          e.actorName,
        ])
        .sort(),
    ).toEqual(preview.versions.map((v: { artifactId: string; version: number }) => [v.artifactId, v.version, null, "system"]).sort());
    expect(audit[0].details).toMatchObject({ name: "a.txt", rule: "keepVersions" });
    const expired = (await admin.json(`/api/v1/audit?namespace=${encodeURIComponent(ns)}&action=artifact.expire&limit=50`)).body.events;
    expect(expired.map((e: { artifactId: string; actorName: string }) => [e.artifactId, e.actorName])).toEqual([[gone, "system"]]);

    // Nothing left to do.
    expect((await again.json(`/api/v1/namespaces/${ns}/retention/preview`)).body).toMatchObject({
      versions: [],
      artifacts: [],
      totalBytes: 0,
    });
    // A second sweep removes nothing more.
    await own.start();
    expect(await own.sql(`SELECT "id" FROM "ArtifactVersion" WHERE "artifactId" = $1`, [a])).toHaveLength(3);
  });
});

describe("keepVersions and the preview over the shared server", () => {
  it("admins set keepVersions (1 to 10000, null for no limit), audited as quota.change; anything else is a 400 naming the field", async () => {
    const owner = await createAgent(uniq("keepset"));
    const ns = owner.namespace;
    const admin = adminApi();
    const patch = (json: unknown, client: TClient = admin) => client.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json });
    for (const bad of [0, -1, 10_001, 2.5]) {
      const res = await patch({ keepVersions: bad });
      failsWith(res, 400, "ARTIFACT_VALIDATION_FAILED");
      expect(res.body.error.field, String(bad)).toBe("keepVersions");
      expect(res.body.error.message).toMatch(/keepVersions must be a whole number from 1 to 10000/);
    }
    failsWith(await patch({ keepVersions: "3" }), 400, "ARTIFACT_VALIDATION_FAILED");
    // A bad value changes nothing, not even the other fields sent with it.
    failsWith(await patch({ keepVersions: 0, retentionDays: 7 }), 400, "ARTIFACT_VALIDATION_FAILED");
    expect((await owner.client.json(`/api/v1/namespaces/${ns}`)).body).toMatchObject({ keepVersions: null, retentionDays: null });

    expect(conforms(updateNamespaceSettingsOp, await patch({ keepVersions: 10_000 }))).toMatchObject({ keepVersions: 10_000 });
    expect(conforms(updateNamespaceSettingsOp, await patch({ keepVersions: 1, retentionDays: 30 }))).toMatchObject({
      keepVersions: 1,
      retentionDays: 30,
    });
    // Only admins, as for retentionDays.
    failsWith(await patch({ keepVersions: 5 }, owner.client), 403, "FORBIDDEN");
    expect(conforms(updateNamespaceSettingsOp, await patch({ keepVersions: null }))).toMatchObject({
      keepVersions: null,
      retentionDays: 30,
    });
    expect((await owner.client.json(`/api/v1/namespaces/${ns}/usage`)).body).toMatchObject({ keepVersions: null });

    const changes = (await admin.json(`/api/v1/audit?namespace=${encodeURIComponent(ns)}&action=quota.change&limit=10`)).body.events;
    expect(changes.map((e: { details: { keepVersions: unknown } }) => e.details.keepVersions).reverse()).toEqual([
      { from: null, to: 10_000 },
      { from: 10_000, to: 1 },
      { from: 1, to: null },
    ]);
  });

  it("the preview is for admins and writers of the namespace; readers and strangers get 403, no key 401", async () => {
    const owner = await createAgent(uniq("prev"));
    const writer = await createAgent(uniq("prevw"));
    const reader = await createAgent(uniq("prevr"));
    const stranger = await createAgent(uniq("prevs"));
    const ns = owner.namespace;
    const admin = adminApi();
    for (const [who, permission] of [
      [writer, "write"],
      [reader, "read"],
    ] as const) {
      const granted = await admin.json(`/api/v1/namespaces/${ns}/grants`, { method: "POST", json: { identity: who.name, permission } });
      expect(granted.status).toBe(201);
    }
    expect((await owner.client.upload({ namespace: ns, name: "n.txt" }, "one")).status).toBe(201);
    expect((await owner.client.upload({ namespace: ns, name: "n.txt" }, "two")).status).toBe(201);
    expect((await admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { keepVersions: 1 } })).status).toBe(200);

    const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/retention/preview`;
    for (const client of [owner.client, writer.client, admin]) {
      const res = conforms(previewRetentionOp, await client.json(path));
      expect(res).toMatchObject({ rules: { keepVersions: 1 }, totalBytes: 3, truncated: false });
      expect(res.versions.map((v: { version: number }) => v.version)).toEqual([0]);
    }
    failsWith(await reader.client.json(path), 403, "ARTIFACT_NAMESPACE_DENIED");
    failsWith(await stranger.client.json(path), 403, "ARTIFACT_NAMESPACE_DENIED");
    failsWith(await api().json(path), 401, "UNAUTHENTICATED");
    failsWith(await admin.json(`/api/v1/namespaces/team:${uniq("none")}/retention/preview`), 404, "ARTIFACT_NOT_FOUND");
    failsWith(await admin.json(`/api/v1/namespaces/no-prefix/retention/preview`), 400, "ARTIFACT_VALIDATION_FAILED");
  });
});
