import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";
import { listFiles } from "../support/list-files.ts";
import { Stowage } from "../../packages/client/src/index.ts";
import { StowageArtifactService } from "../../packages/client/src/adk/index.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

// skipIfUnchanged / If-None-Match: "<sha256>": a publish of the latest version's own bytes
// creates nothing, charges nothing and answers that version.
describe("publish only if changed", () => {
  let agent: TAgent;
  let namespaceId: string;

  /** What an unchanged publish must leave as it was: versions, usage, this namespace's blobs, upload audit rows. */
  const state = async (id: string) => {
    const versions = await agent.client.json(`/api/v1/artifacts/${id}/versions`);
    const usage = await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`);
    const audit = await adminApi().json(`/api/v1/audit?namespace=${encodeURIComponent(agent.namespace)}&action=artifact.upload&limit=200`);
    const blobs = (await listFiles(path.join(inject("dataDir"), "blobs"))).filter((f) => f.startsWith(`v1/${namespaceId}/`));
    return {
      versions: versions.body.versions.map((v: any) => v.version),
      usage: { usedBytes: usage.body.usedBytes, reservedBytes: usage.body.reservedBytes },
      uploads: audit.body.events.length,
      blobs: blobs.sort(),
    };
  };
  const expectUnchanged = (res: { status: number; headers: Headers; body: any }, version: number) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("stowage-unchanged")).toBe("true");
    expect(res.body.version.version).toBe(version);
  };

  beforeAll(async () => {
    agent = await createAgent(uniq("unchanged"));
    const me = await agent.client.json("/api/v1/me");
    namespaceId = me.body.namespaces.find((n: { name: string }) => n.name === agent.namespace).id;
  });

  it("skips the same bytes (raw, multipart, If-None-Match) and publishes changed ones", async () => {
    const name = `${uniq("report")}.md`;
    const first = await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "true" }, "# report\n");
    expect(first.status).toBe(201);
    expect(first.headers.get("stowage-unchanged")).toBeNull();
    const id = first.body.artifact.id;
    const before = await state(id);

    const raw = await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "1", tags: "ignored" }, "# report\n");
    expectUnchanged(raw, 0);
    expect(raw.body).toEqual({ artifact: first.body.artifact, version: first.body.version });

    const form = new FormData();
    form.set("namespace", agent.namespace);
    form.set("name", name);
    form.set("skipIfUnchanged", "true");
    form.set("file", new Blob(["# report\n"]), "report.md");
    const multipart = await agent.client.request("/api/v1/artifacts", { method: "POST", body: form });
    expectUnchanged({ status: multipart.status, headers: multipart.headers, body: await multipart.json() }, 0);

    // The client's sha256 in If-None-Match: the latest has it, so the body is not even stored.
    const etag = `"${sha("# report\n")}"`;
    const byHeader = await agent.client.upload({ namespace: agent.namespace, name }, "# report\n", { headers: { "If-None-Match": etag } });
    expectUnchanged(byHeader, 0);
    expect(await state(id)).toEqual(before);

    const changed = await agent.client.upload({ namespace: agent.namespace, name }, "# report v2\n", {
      headers: { "If-None-Match": `"${sha("# report v2\n")}"` },
    });
    expect(changed.status).toBe(201);
    expect(changed.body.version.version).toBe(1);
    const again = await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "true" }, "# report v2\n");
    expectUnchanged(again, 1);
    // The latest only counts: the bytes of version 0 are a change from version 1.
    const back = await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "true" }, "# report\n");
    expect(back.status).toBe(201);
    expect(back.body.version.version).toBe(2);

    // Without it, or with false, the same bytes are a new version as before.
    expect((await agent.client.upload({ namespace: agent.namespace, name }, "# report\n")).body.version.version).toBe(3);
    expect(
      (await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "false" }, "# report\n")).body.version.version,
    ).toBe(4);
  });

  it("keeps preconditions and refuses bad values", async () => {
    const name = `${uniq("pre")}.txt`;
    expect((await agent.client.upload({ namespace: agent.namespace, name }, "same")).status).toBe(201);
    const stale = await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "true" }, "same", {
      headers: { "If-Match": "3" },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", latestVersion: 0 });
    expectUnchanged(
      await agent.client.upload({ namespace: agent.namespace, name, skipIfUnchanged: "true" }, "same", { headers: { "If-Match": "0" } }),
      0,
    );

    for (const [fields, headers, field] of [
      [{ skipIfUnchanged: "yes" }, {}, "skipIfUnchanged"],
      [{}, { "If-None-Match": '"abc"' }, "If-None-Match"],
      [{}, { "If-None-Match": `"${sha("same")}"`, "If-Match": "0" }, "If-Match"],
    ] as const) {
      const res = await agent.client.upload({ namespace: agent.namespace, name, ...fields }, "same", { headers });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", field });
    }
  });

  it("a direct upload of unchanged bytes completes as the latest version and gives its hold back", async () => {
    const name = `${uniq("big")}.bin`;
    const bytes = new Uint8Array(1024).fill(7);
    const first = await agent.client.upload({ namespace: agent.namespace, name }, bytes, { contentType: "application/octet-stream" });
    expect(first.status).toBe(201);
    const before = await state(first.body.artifact.id);
    const started = await agent.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: agent.namespace, name, size: bytes.length, skipIfUnchanged: true },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const urls = await agent.client.json(`/api/v1/uploads/${started.body.id}/parts`, { method: "POST", json: { partNumbers: [1] } });
    expect((await fetch(urls.body.parts[0].url, { method: "PUT", body: bytes })).status).toBe(200);
    const completed = await agent.client.request(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" });
    expectUnchanged({ status: completed.status, headers: completed.headers, body: await completed.json() }, 0);
    const after = await state(first.body.artifact.id);
    expect(after).toEqual(before);
    const audit = await adminApi().json(`/api/v1/audit?namespace=${encodeURIComponent(agent.namespace)}&action=upload.complete`);
    expect(audit.body.events[0].details).toMatchObject({ uploadId: started.body.id, unchanged: true });
  });

  it("the SDK, the CLI and the ADK service skip unchanged bytes when asked", async () => {
    const stowage = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    const key = { namespace: agent.namespace, name: `${uniq("sdk")}.json` };
    const first = await stowage.publish('{"a":1}', { ...key, skipIfUnchanged: true });
    expect(first.unchanged).toBe(false);
    const again = await stowage.publish('{"a":1}', { ...key, skipIfUnchanged: true });
    expect(again).toMatchObject({ unchanged: true, version: first.version });
    // A direct upload in parts, too.
    const big = new Uint8Array(6 * 1024 * 1024).fill(3);
    const parts = { ...key, name: `${uniq("sdk-big")}.bin`, multipartThreshold: 1024 * 1024 };
    expect((await stowage.publish(big, parts)).unchanged).toBe(false);
    expect(await stowage.publish(big, { ...parts, skipIfUnchanged: true })).toMatchObject({ unchanged: true, version: { version: 0 } });

    const scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-unchanged-"));
    writeFileSync(path.join(scratch, "notes.md"), "# notes\n");
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.resolve("packages/client/dist/cli/main.js"), ...args], {
        cwd: scratch,
        env: { ...process.env, STOWAGE_URL: inject("baseUrl"), STOWAGE_API_KEY: agent.key, XDG_CONFIG_HOME: scratch },
        encoding: "utf8",
      });
    const upload = (...flags: string[]) => cli("upload", "notes.md", "--namespace", agent.namespace, ...flags);
    const published = upload("--skip-unchanged");
    expect(published.stdout).toMatch(/notes\.md v0 /);
    expect(published.stdout).not.toMatch(/ {2}unchanged\n$/);
    const skipped = upload("--skip-unchanged");
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/notes\.md v0 .*unchanged\n$/);
    expect(JSON.parse(upload("--skip-unchanged", "--json").stdout)[0]).toMatchObject({ unchanged: true, version: { version: 0 } });
    expect(upload().stdout).toMatch(/notes\.md v1 /);
    rmSync(scratch, { recursive: true, force: true });

    const ids = { appName: "app", userId: "u", sessionId: uniq("s") };
    const adk = new StowageArtifactService({
      url: inject("baseUrl"),
      apiKey: agent.key,
      namespace: agent.namespace,
      skipIfUnchanged: true,
    });
    expect(await adk.saveArtifact({ ...ids, filename: "plan.txt", artifact: { text: "plan" } })).toBe(0);
    expect(await adk.saveArtifact({ ...ids, filename: "plan.txt", artifact: { text: "plan" } })).toBe(0);
    expect(await adk.saveArtifact({ ...ids, filename: "plan.txt", artifact: { text: "plan b" } })).toBe(1);
    const plain = new StowageArtifactService({ url: inject("baseUrl"), apiKey: agent.key, namespace: agent.namespace });
    expect(await plain.saveArtifact({ ...ids, filename: "plan.txt", artifact: { text: "plan b" } })).toBe(2);
  });
});
