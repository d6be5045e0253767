import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, uniq } from "../support/api.ts";
import { SIDE_ADMIN_KEY, startSideServer } from "../support/side-server.ts";
import { waitFor } from "../support/wait-for.ts";
import { spoolDir } from "../../lib/http/upload-spool.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

const MB = 1024 * 1024;
const MAX_BYTES = 5 * MB;
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * This file's own server: other test files spool too (appends, forms), so only a spool directory
 * nobody else writes to says exactly what these uploads left behind.
 */
let side: Awaited<ReturnType<typeof startSideServer>>;

/** Where the server spools a file sent before the fields that say where it goes. */
const spoolFiles = async () => readdir(spoolDir(side.dataDir)).catch(() => [] as string[]);
/** Spool files of at least `bytes`. */
const bigSpoolFiles = async (bytes: number) => {
  const sizes = await Promise.all(
    (await spoolFiles()).map((f) =>
      stat(path.join(spoolDir(side.dataDir), f)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.filter((s) => s >= bytes);
};
/** Nothing of what these uploads spooled may stay behind once they are answered (or gone). */
const expectSpoolEmpty = () => waitFor("the spool to be empty", async () => (await spoolFiles()).length === 0, { timeoutMs: 5000 });

const BOUNDARY = "----stowage-field-order";
const fieldPart = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (filename: string, type = "application/octet-stream") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
const CLOSE = `--${BOUNDARY}--\r\n`;

/**
 * A POST the test writes by hand: it may send part of a body and stop, to see what the server
 * does while the rest has not arrived (or never will).
 */
function rawPost(key: string, headers: Record<string, string>) {
  const url = new URL("/api/v1/artifacts", side.server.baseUrl);
  const req = http.request(url, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
  });
  req.on("error", () => undefined);
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
      res.on("error", reject);
    });
  });
  response.catch(() => undefined);
  return { req, response };
}

const write = (req: http.ClientRequest, data: string | Uint8Array) =>
  new Promise<void>((resolve, reject) => req.write(data, (e) => (e ? reject(e) : resolve())));

describe("multipart fields in any order", () => {
  let agent: TAgent;
  let stranger: TAgent;
  let workDir: string;

  beforeAll(async () => {
    side = await startSideServer({ env: { ARTIFACT_MAX_SIZE_MB: String(MAX_BYTES / MB) } });
    agent = await createAgent(uniq("order"), {}, side.admin);
    stranger = await createAgent(uniq("stranger"), {}, side.admin);
    workDir = await mkdtemp(path.join(os.tmpdir(), "stowage-order-"));
  });
  afterAll(async () => {
    await side?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  const usage = async (ns = agent.namespace) => (await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/usage`)).body;
  const artifactsNamed = async (name: string, ns = agent.namespace) =>
    (await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name })}`)).body.artifacts as any[];

  it("publishes a file sent before its namespace, tags and metadata, with the fields applied and the exact bytes", async () => {
    const bytes = randomBytes(700 * 1024);
    const name = `reports/${uniq("first")}.bin`;
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: "application/octet-stream" }), "first.bin");
    form.append("namespace", agent.namespace);
    form.append("name", name);
    form.append("tags", JSON.stringify(["report", "weekly"]));
    form.append("metadata", JSON.stringify({ model: "m-1", score: 0.5 }));
    const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.artifact).toMatchObject({ name, namespace: agent.namespace, tags: ["report", "weekly"] });
    expect(res.body.version).toMatchObject({
      version: 0,
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      filename: "first.bin",
      metadata: { model: "m-1", score: 0.5 },
    });

    const download = await agent.client.request(`/api/v1/artifacts/${res.body.artifact.id}/content`);
    expect(download.status).toBe(200);
    const got = Buffer.from(await download.arrayBuffer());
    expect(got.length).toBe(bytes.length);
    expect(sha256(got)).toBe(sha256(bytes));
    await expectSpoolEmpty();
    expect((await usage()).reservedBytes).toBe(0);
  });

  it("accepts curl -F file=@… -F namespace=… -F tags=[…] (the file first)", async () => {
    const file = path.join(workDir, "report.pdf");
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(20_000)]);
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)("curl", [
      "-sS",
      "-H",
      `Authorization: Bearer ${agent.key}`,
      "-F",
      `file=@${file}`,
      "-F",
      `namespace=${agent.namespace}`,
      "-F",
      'tags=["report","weekly"]',
      "-w",
      "\n%{http_code}",
      `${side.server.baseUrl}/api/v1/artifacts`,
    ]);
    const [json, status] = [stdout.slice(0, stdout.lastIndexOf("\n")), stdout.slice(stdout.lastIndexOf("\n") + 1)];
    expect(status, json).toBe("201");
    const body = JSON.parse(json);
    expect(body.artifact).toMatchObject({ name: "report.pdf", tags: ["report", "weekly"] });
    expect(body.version).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes), mimeType: "application/pdf" });
    await expectSpoolEmpty();
  });

  it("applies fields sent after the file when the namespace came before it (streamed, not spooled)", async () => {
    const name = uniq("mixed");
    const bytes = randomBytes(2 * MB);
    const { req, response } = rawPost(agent.key, { "transfer-encoding": "chunked" });
    await write(req, fieldPart("namespace", agent.namespace) + fieldPart("name", name) + fileHead("m.bin"));
    await write(req, bytes.subarray(0, MB));
    // Half the file is in: nothing waits in the spool, the bytes go straight to storage.
    await new Promise((r) => setTimeout(r, 200));
    expect(await spoolFiles()).toEqual([]);
    await write(req, bytes.subarray(MB));
    req.end(`\r\n${fieldPart("tags", "late,after")}${fieldPart("runId", "run-late")}${CLOSE}`);
    const res = await response;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.artifact.tags.sort()).toEqual(["after", "late"]);
    expect(res.body.version).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes), runId: "run-late" });
  });

  it("refuses a file first to a namespace the caller may not write (403) and leaves nothing", async () => {
    const name = uniq("denied");
    const form = new FormData();
    form.append("file", new Blob([randomBytes(300 * 1024)]), "x.bin");
    form.append("namespace", agent.namespace);
    form.append("name", name);
    const before = await usage();
    const res = await stranger.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe("ARTIFACT_NAMESPACE_DENIED");
    await expectSpoolEmpty();
    expect(await artifactsNamed(name)).toEqual([]);
    expect(await usage()).toEqual(before);
  });

  it("refuses a file first without a namespace (400) and leaves nothing", async () => {
    const form = new FormData();
    form.append("file", new Blob([randomBytes(10_000)]), "orphan.bin");
    form.append("tags", "a,b");
    const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", field: "namespace" });
    await expectSpoolEmpty();
  });

  it("refuses a bad field after a spooled file (400) and removes the spool", async () => {
    const form = new FormData();
    form.append("file", new Blob([randomBytes(10_000)]), "bad.bin");
    form.append("namespace", agent.namespace);
    form.append("metadata", "{not json");
    const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe("metadata");
    await expectSpoolEmpty();
  });

  it("answers 413 as soon as a spooled file passes the limit, without waiting for the rest, and leaves nothing", async () => {
    const before = await usage();
    // Declares 20 MB but sends a little over the 5 MB limit, then waits: the answer must come
    // from what was sent, not from reading a body that never ends.
    const { req, response } = rawPost(agent.key, { "content-length": String(20 * MB) });
    await write(req, fileHead("big.bin"));
    for (let sent = 0; sent <= MAX_BYTES; sent += MB) await write(req, randomBytes(MB));
    const res = await Promise.race([
      response,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer while the body was unfinished")), 15_000)),
    ]);
    req.destroy();
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.error.code).toBe("ARTIFACT_TOO_LARGE");
    await expectSpoolEmpty();
    expect(await usage()).toEqual(before);
  });

  it("refuses a spooled file that does not fit the quota (409) and gives the hold back", async () => {
    const admin = side.admin;
    const ns = `team:${uniq("spoolq")}`;
    expect((await admin.json("/api/v1/namespaces", { method: "POST", json: { name: ns } })).status).toBe(201);
    expect(
      (
        await admin.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/grants`, {
          method: "POST",
          json: { identity: agent.name, permission: "write" },
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin.json(`/api/v1/namespaces/${encodeURIComponent(ns)}`, { method: "PATCH", json: { quotaBytes: 50_000 } })).status,
    ).toBe(200);

    const form = new FormData();
    form.append("file", new Blob([randomBytes(80_000)]), "q.bin");
    form.append("namespace", ns);
    const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", quotaBytes: 50_000, requestedBytes: 80_000 });
    expect(await usage(ns)).toMatchObject({ usedBytes: 0, reservedBytes: 0, artifactCount: 0 });
    await expectSpoolEmpty();

    // What fits still goes through the same path.
    const fits = new FormData();
    fits.append("file", new Blob([randomBytes(40_000)]), "q.bin");
    fits.append("namespace", ns);
    expect((await agent.client.json("/api/v1/artifacts", { method: "POST", body: fits })).status).toBe(201);
    expect(await usage(ns)).toMatchObject({ usedBytes: 40_000, reservedBytes: 0, artifactCount: 1 });
  });

  it("honours preconditions and Idempotency-Key with the file first", async () => {
    const name = uniq("pre");
    const send = (content: string, headers: Record<string, string>) => {
      const form = new FormData();
      form.append("file", new Blob([content]), "p.txt");
      form.append("namespace", agent.namespace);
      form.append("name", name);
      return agent.client.json("/api/v1/artifacts", { method: "POST", body: form, headers });
    };
    expect((await send("v0", { "if-none-match": "*" })).status).toBe(201);
    const conflict = await send("v0 again", { "if-none-match": "*" });
    expect(conflict.status).toBe(412);
    expect(conflict.body.error).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", latestVersion: 0 });
    const key = uniq("idem");
    const first = await send("v1", { "idempotency-key": key });
    const replay = await send("v1", { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.version).toEqual(first.body.version);
    await expectSpoolEmpty();
    expect((await usage()).reservedBytes).toBe(0);
  });

  it("leaves nothing when the client disconnects while its file is being spooled", async () => {
    const name = uniq("gone");
    const before = await usage();
    const { req } = rawPost(agent.key, { "transfer-encoding": "chunked" });
    await write(req, fileHead("gone.bin"));
    await write(req, randomBytes(2 * MB));
    // The spool exists while the file arrives…
    await waitFor("a spool file", async () => (await bigSpoolFiles(MB)).length > 0, { timeoutMs: 5000 });
    req.destroy();
    // …and is gone once the client is.
    await expectSpoolEmpty();
    expect(await artifactsNamed(name)).toEqual([]);
    expect(await usage()).toEqual(before);
  });

  it("removes the spool file of a server killed mid-upload when it starts again", async () => {
    const killed = await startSideServer();
    let restarted: Awaited<ReturnType<typeof startSideServer>> | undefined;
    try {
      const dir = spoolDir(killed.dataDir);
      const req = http.request(new URL("/api/v1/artifacts", killed.server.baseUrl), {
        method: "POST",
        headers: {
          authorization: `Bearer ${SIDE_ADMIN_KEY}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
          "transfer-encoding": "chunked",
        },
      });
      req.on("error", () => undefined);
      await write(req, fileHead("killed.bin"));
      await write(req, randomBytes(MB));
      await waitFor("a spool file", async () => (await readdir(dir).catch(() => [])).length > 0, { timeoutMs: 5000 });
      killed.server.process.kill("SIGKILL");
      await new Promise((r) => killed.server.process.once("exit", r));
      req.destroy();
      expect(await readdir(dir)).toHaveLength(1);

      restarted = await startSideServer({ dataDir: killed.dataDir, databaseUrl: killed.databaseUrl });
      expect(await readdir(dir)).toEqual([]);
      await waitFor("the start-up sweep's log line", async () => restarted!.server.output().includes("removed 1 spooled upload"));
    } finally {
      await restarted?.stop({ keepData: true });
      await killed.stop();
    }
  });
});
