import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, uniq } from "../support/api.ts";
import { sqlAt } from "../support/db-at.ts";
import { SIDE_ADMIN_KEY, startSideServer } from "../support/side-server.ts";
import { createTestBucket, s3ServerEnv, testS3 } from "../support/test-s3.ts";

const s3 = testS3();
const MiB = 1024 * 1024;

/** Everything in a URL that works as a credential: the token after /share/, and signature query values. */
function credentialsIn(url: string): string[] {
  const u = new URL(url);
  const found = [url, u.search].filter((s) => s.length > 1);
  const token = /\/api\/v1\/share\/([^/?]+)/.exec(u.pathname)?.[1];
  if (token) found.push(token, token.split(".").pop()!);
  for (const name of ["signature", "X-Amz-Signature", "X-Amz-Credential"]) {
    const value = u.searchParams.get(name);
    if (value) found.push(value);
  }
  return found;
}

const backends = [
  { name: "filesystem", s3: false },
  { name: "S3", s3: true },
];

describe.each(backends)("keys, signatures, tokens and presigned URLs never reach the audit log or the server log ($name)", (backend) => {
  const skip = backend.s3 && !s3;
  let side: Awaited<ReturnType<typeof startSideServer>>;
  let bucket: Awaited<ReturnType<typeof createTestBucket>> | undefined;

  beforeAll(async () => {
    if (skip) return;
    bucket = backend.s3 ? await createTestBucket(s3!) : undefined;
    side = await startSideServer({ env: bucket ? s3ServerEnv(s3!, bucket.bucket) : {} });
  });
  afterAll(async () => {
    await side?.stop();
    await bucket?.drop();
  });

  it.skipIf(skip)("after exercising every audited action", async () => {
    const secrets: string[] = [SIDE_ADMIN_KEY];
    const alice = await createAgent(uniq("sec-alice"), {}, side.admin);
    const bob = await createAgent(uniq("sec-bob"), {}, side.admin);
    secrets.push(alice.key, bob.key);
    if (s3) secrets.push(s3.secretAccessKey);

    // Uploads, through the API and as a direct upload, and one direct upload aborted.
    const name = uniq("secret.txt");
    const up = await alice.client.upload({ namespace: alice.namespace, name }, "first");
    await alice.client.upload({ namespace: alice.namespace, name }, "second");
    const id = up.body.artifact.id as string;
    const big = Buffer.alloc(5 * MiB + 3, 1);
    const started = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name: uniq("big.bin"), size: big.length, partSize: 5 * MiB },
    });
    expect(started.status).toBe(201);
    const parts = await alice.client.json(`/api/v1/uploads/${started.body.id}/parts`, { method: "POST", json: { partNumbers: [1, 2] } });
    for (const part of parts.body.parts as { url: string; partNumber: number; size: number }[]) {
      secrets.push(...credentialsIn(part.url));
      const bytes = big.subarray((part.partNumber - 1) * 5 * MiB, (part.partNumber - 1) * 5 * MiB + part.size);
      expect((await fetch(part.url, { method: "PUT", body: bytes })).status).toBe(200);
    }
    expect((await alice.client.json(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" })).status).toBe(201);
    const dropped = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name: uniq("drop.bin"), size: 10 },
    });
    const droppedParts = await alice.client.json(`/api/v1/uploads/${dropped.body.id}/parts`, {
      method: "POST",
      json: { partNumbers: [1] },
    });
    secrets.push(...credentialsIn(droppedParts.body.parts[0].url));
    expect((await alice.client.json(`/api/v1/uploads/${dropped.body.id}`, { method: "DELETE" })).status).toBe(200);

    // Sharing, then downloads by the recipient: content (a redirect with S3), URLs, links.
    const share = await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: bob.name } });
    expect(share.status).toBe(201);
    const content = await bob.client.request(`/api/v1/artifacts/${id}/content`, { redirect: "manual" });
    expect(content.status).toBe(backend.s3 ? 302 : 200);
    if (backend.s3) secrets.push(...credentialsIn(content.headers.get("location")!));
    const url = await bob.client.json(`/api/v1/artifacts/${id}/url?version=0`);
    secrets.push(...credentialsIn(url.body.url));
    expect(await (await fetch(url.body.url)).text()).toBe("first");
    const link = await bob.client.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { version: 1 } });
    secrets.push(...credentialsIn(link.body.url));
    if (link.body.directUrl) secrets.push(...credentialsIn(link.body.directUrl));
    const opened = await fetch(link.body.url, { redirect: "manual" });
    expect(opened.status).toBe(backend.s3 ? 302 : 200);
    if (backend.s3) secrets.push(...credentialsIn(opened.headers.get("location")!));
    // Failures: a tampered link, a wrong key.
    const tampered = link.body.url.replace(/.$/, (c: string) => (c === "A" ? "B" : "A"));
    expect((await fetch(tampered)).status).toBe(403);
    const wrongKey = `${alice.key.slice(0, -4)}zzzz`;
    secrets.push(wrongKey);
    expect(
      (await fetch(`${side.server.baseUrl}/api/v1/artifacts/${id}`, { headers: { authorization: `Bearer ${wrongKey}` } })).status,
    ).toBe(401);

    // Revocation, unsharing, deletes.
    expect((await alice.client.request(`/api/v1/share-links/${link.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(link.body.url)).status).toBe(403);
    expect((await alice.client.request(`/api/v1/artifacts/${id}/shares/${share.body.share.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.client.request(`/api/v1/artifacts/${id}/versions/0`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);

    // Administration: dashboard sign-in for alice (a password), a key made and revoked.
    const password = `pw-${uniq("secret")}`;
    expect(
      (
        await side.admin.json(`/api/v1/identities/${alice.name}`, {
          method: "PATCH",
          json: { email: `${alice.name}@example.test`, password },
        })
      ).status,
    ).toBe(200);
    const spare = await side.admin.json(`/api/v1/identities/${bob.name}/keys`, { method: "POST", json: { label: "spare" } });
    secrets.push(password, spare.body.key.key);
    expect((await side.admin.request(`/api/v1/keys/${spare.body.key.id}`, { method: "DELETE" })).status).toBe(204);

    // The log has every kind of event (so the check below is not vacuous)...
    let rows: Record<string, unknown>[] = [];
    const expected = [
      "identity.create",
      "identity.update",
      "key.create",
      "key.revoke",
      "artifact.upload",
      "upload.start",
      "upload.complete",
      "upload.abort",
      "share.create",
      "artifact.download",
      "url.mint",
      "share_link.create",
      "share_link.revoke",
      "share.delete",
      "version.delete",
      "artifact.delete",
    ];
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      rows = await sqlAt(side.databaseUrl, `SELECT * FROM "AuditEvent" ORDER BY "id"`);
      if (expected.every((a) => rows.some((r) => r.action === a))) break;
    }
    expect([...new Set(rows.map((r) => r.action))].sort()).toEqual([...expected].sort());
    if (backend.s3) {
      // Every presigned URL handed out is on record with its expiry: /url, the content and
      // share-link redirects, and the share link's direct URL.
      const mints = rows
        .filter((r) => r.action === "url.mint")
        .map((r) => JSON.parse(r.details as string) as { via: string; expiresAt?: string });
      expect(mints.map((m) => m.via).sort()).toEqual(["api-redirect", "share-link-direct-url", "share-link-redirect", "url"]);
      for (const m of mints) expect(Date.parse(m.expiresAt!)).toBeGreaterThan(Date.now());
    }
    const listed = await side.admin.json("/api/v1/audit?limit=200");
    expect(listed.body.events).toHaveLength(rows.length);

    // ...and none of the credentials, in the table or in anything the server printed.
    const table = JSON.stringify(rows);
    const output = side.server.output();
    expect(secrets.length).toBeGreaterThan(10);
    for (const secret of [...new Set(secrets)]) {
      expect(table.includes(secret), `audit table holds ${secret.slice(0, 12)}…`).toBe(false);
      expect(output.includes(secret), `server output holds ${secret.slice(0, 12)}…`).toBe(false);
    }
    // A share URL is a share path with a token in it; the request log's route pattern
    // (`/api/v1/share/{token}`) names the route, not a token.
    for (const marker of [/X-Amz-Signature/, /X-Amz-Credential/, /signature=/, /\/api\/v1\/share\/(?!\{token\})/, /stw_/]) {
      expect(table, String(marker)).not.toMatch(marker);
      expect(output, String(marker)).not.toMatch(marker);
    }
  });
});
