import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Stowage, StowageError, type Progress } from "../../packages/client/src/index.ts";
import { adminApi, createAgent, uniq } from "../support/api.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const bytesOf = (size: number, seed = 7) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251);

/** The rejection of `promise`, which must be a StowageError. */
async function stowageError(promise: Promise<unknown>): Promise<StowageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StowageError);
  return error as StowageError;
}

/**
 * A TCP server that accepts connections, reads what is sent and never answers: the one fault
 * the real server cannot be made to show. `requests()` are the connections a request came on
 * (fetch may open a spare connection that never carries one).
 */
async function startSilentServer() {
  const connections: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const index = connections.push("") - 1;
    sockets.add(socket);
    socket.on("data", (chunk) => (connections[index] += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => connections.filter((received) => /^[A-Z]+ \/\S* HTTP\/1\.1\r\n/.test(received)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A gateway in front of the real server that fails the requests `fault` picks with its status
 * (a 502, 503 or 504 of a proxy or load balancer): the one fault the server cannot be made to
 * show on demand. With `forwardFirst`, the failed request still reaches the server and only its
 * answer is lost, as when a gateway times out on a slow publish. `seen` lists "METHOD path" of
 * every request, with its Idempotency-Key when it had one.
 */
async function startFaultyGateway(target: string, fault: (n: number, method: string) => number | undefined, forwardFirst = false) {
  const seen: { line: string; idempotencyKey?: string }[] = [];
  const upstream = new URL(target);
  const server = createHttpServer((req, res) => {
    const n = seen.push({ line: `${req.method} ${req.url}`, idempotencyKey: req.headers["idempotency-key"] as string | undefined }) - 1;
    const status = fault(n, req.method!);
    const fail = () => {
      res.writeHead(status!, { "content-type": "text/html", "retry-after": "0" });
      res.end(`<html><body>${status} from the gateway</body></html>`);
    };
    if (status !== undefined && !forwardFirst) {
      req.resume();
      req.on("end", fail);
      return;
    }
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (status !== undefined) {
          answer.resume();
          answer.on("end", fail);
          return;
        }
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the TypeScript SDK against the real server", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let stowage: Stowage;
  let scratch: string;
  beforeAll(async () => {
    agent = await createAgent(uniq("sdk"));
    stowage = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-sdk-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  describe("publish", () => {
    it("publishes text with every field, and the same name again as the next version", async () => {
      const name = `notes/${uniq("plan")}.md`;
      const expiresAt = new Date(Date.now() + 86_400_000);
      const first = await stowage.publish("# plan", {
        namespace: agent.namespace,
        name,
        sessionId: "chat-1",
        runId: "run-1",
        tags: ["plan", "draft"],
        metadata: { model: "m-1", score: 0.5 },
        expiresAt,
      });
      expect(first.artifact).toMatchObject({
        namespace: agent.namespace,
        name,
        sessionId: "chat-1",
        tags: expect.arrayContaining(["plan", "draft"]),
        expiresAt: expiresAt.toISOString(),
        latestVersion: 0,
      });
      expect(first.version).toMatchObject({
        version: 0,
        sizeBytes: 6,
        sha256: sha("# plan"),
        mimeType: "text/markdown",
        runId: "run-1",
        metadata: { model: "m-1", score: 0.5 },
      });
      const second = await stowage.publish("# plan v1", { namespace: agent.namespace, name, sessionId: "chat-1" });
      expect(second.artifact.id).toBe(first.artifact.id);
      expect(second.version.version).toBe(1);
    });

    it("publishes bytes (a Buffer and a large Uint8Array, metered), reporting progress", async () => {
      const small = await stowage.publish(Buffer.from("buffer bytes"), { namespace: agent.namespace, name: uniq("buffer.bin") });
      expect(small.version).toMatchObject({ sizeBytes: 12, sha256: sha("buffer bytes"), mimeType: "application/octet-stream" });

      const data = bytesOf(300_000);
      const progress: Progress[] = [];
      const large = await stowage.publish(data, {
        namespace: agent.namespace,
        name: uniq("large.bin"),
        contentType: "application/x-test",
        onProgress: (p) => progress.push(p),
      });
      expect(large.version).toMatchObject({ sizeBytes: 300_000, sha256: sha(data), mimeType: "application/x-test" });
      expect(progress.length).toBeGreaterThan(2);
      expect(progress.every((p) => p.total === 300_000)).toBe(true);
      expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual({ loaded: 300_000, total: 300_000 });
    });

    it("publishes a Blob with its type, and a File under its own name", async () => {
      const blob = await stowage.publish(new Blob(["a,b\n1,2\n"], { type: "text/csv" }), {
        namespace: agent.namespace,
        name: uniq("blob"),
      });
      expect(blob.version).toMatchObject({ mimeType: "text/csv", sizeBytes: 8, sha256: sha("a,b\n1,2\n") });

      const fileName = `${uniq("file")}.json`;
      const file = await stowage.publish(new File(['{"ok":true}'], fileName), { namespace: agent.namespace });
      expect(file.artifact.name).toBe(fileName);
      expect(file.version).toMatchObject({ mimeType: "application/json", sha256: sha('{"ok":true}') });
    });

    it("publishes a web ReadableStream, chunked, and with a declared size", async () => {
      const chunks = [bytesOf(40_000, 1), bytesOf(50_000, 2), bytesOf(10, 3)];
      const all = Buffer.concat(chunks);
      const stream = () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk);
            controller.close();
          },
        });
      const chunked = await stowage.publish(stream(), { namespace: agent.namespace, name: uniq("web-stream.bin") });
      expect(chunked.version).toMatchObject({ sizeBytes: all.length, sha256: sha(all) });
      const progress: Progress[] = [];
      const declared = await stowage.publish(stream(), {
        namespace: agent.namespace,
        name: uniq("web-stream-sized.bin"),
        size: all.length,
        onProgress: (p) => progress.push(p),
      });
      expect(declared.version).toMatchObject({ sizeBytes: all.length, sha256: sha(all) });
      expect(progress.slice(0, 3).map((p) => p.loaded)).toEqual([40_000, 90_000, 90_010]);
    });

    it("publishes a Node Readable (an iterable one and a file stream) and an async generator", async () => {
      const parts = ["line one\n", "line two\n"];
      const readable = await stowage.publish(Readable.from(parts.map((p) => Buffer.from(p))), {
        namespace: agent.namespace,
        name: `${uniq("readable")}.txt`,
      });
      expect(readable.version).toMatchObject({ sha256: sha(parts.join("")), mimeType: "text/plain" });

      const onDisk = path.join(scratch, "streamed.bin");
      const data = bytesOf(200_000, 9);
      writeFileSync(onDisk, data);
      // An fs.ReadStream has a `path` property, but is sent as the stream it is (here: its second half).
      const fileStream = await stowage.publish(createReadStream(onDisk, { start: 100_000 }), {
        namespace: agent.namespace,
        name: uniq("read-stream.bin"),
      });
      expect(fileStream.version).toMatchObject({ sizeBytes: 100_000, sha256: sha(data.subarray(100_000)) });

      const generated = await stowage.publish(
        (async function* () {
          yield "text ";
          yield new TextEncoder().encode("and bytes");
        })(),
        { namespace: agent.namespace, name: uniq("generator.txt") },
      );
      expect(generated.version.sha256).toBe(sha("text and bytes"));
    });

    it("publishes a file from disk by path, named after it, with progress", async () => {
      const file = path.join(scratch, `${uniq("report")}.csv`);
      const data = Buffer.from("region,revenue\n".repeat(20_000));
      writeFileSync(file, data);
      const progress: Progress[] = [];
      const published = await stowage.publish({ path: file }, { namespace: agent.namespace, onProgress: (p) => progress.push(p) });
      expect(published.artifact.name).toBe(path.basename(file));
      expect(published.version).toMatchObject({ sizeBytes: data.length, sha256: sha(data), mimeType: "text/csv" });
      expect(progress.at(-1)).toEqual({ loaded: data.length, total: data.length });
    });

    it("createSnippet publishes JSON", async () => {
      const name = uniq("snippet");
      const { version } = await stowage.createSnippet(name, { answer: 42, list: [1, 2] }, { namespace: agent.namespace, tags: ["s"] });
      expect(version).toMatchObject({ mimeType: "application/json", sha256: sha('{"answer":42,"list":[1,2]}') });
      const body = await stowage.artifacts.download(version.artifactId);
      expect(await body.json()).toEqual({ answer: 42, list: [1, 2] });
    });

    it("the same idempotencyKey twice publishes one version", async () => {
      const name = uniq("idempotent.txt");
      const key = uniq("key");
      const first = await stowage.publish("once", { namespace: agent.namespace, name, idempotencyKey: key });
      const again = await stowage.publish("once", { namespace: agent.namespace, name, idempotencyKey: key });
      expect(again.version.version).toBe(first.version.version);
      expect(again.artifact.id).toBe(first.artifact.id);
      const versions = [];
      for await (const v of stowage.artifacts.versions(first.artifact.id)) versions.push(v);
      expect(versions).toHaveLength(1);
      const reused = await stowageError(stowage.publish("different", { namespace: agent.namespace, name, idempotencyKey: key }));
      expect(reused).toMatchObject({ code: "ARTIFACT_IDEMPOTENCY_KEY_REUSED", status: 422 });
    });

    it("honours ifNoneMatch and ifMatch", async () => {
      const name = uniq("conditional.md");
      await stowage.publish("v0", { namespace: agent.namespace, name, ifNoneMatch: "*" });
      const exists = await stowageError(stowage.publish("again", { namespace: agent.namespace, name, ifNoneMatch: "*" }));
      expect(exists).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412 });
      expect((await stowage.publish("v1", { namespace: agent.namespace, name, ifMatch: 0 })).version.version).toBe(1);
      const stale = await stowageError(stowage.publish("v2", { namespace: agent.namespace, name, ifMatch: 0 }));
      expect(stale).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412 });
    });
  });

  describe("reading", () => {
    let id: string;
    let name: string;
    beforeAll(async () => {
      name = `docs/${uniq("data")}.json`;
      await stowage.publish(JSON.stringify({ v: 0 }), { namespace: agent.namespace, name, sessionId: "s-read" });
      id = (await stowage.publish(JSON.stringify({ v: 1, text: "héllo" }), { namespace: agent.namespace, name, sessionId: "s-read" }))
        .artifact.id;
    });

    it("get, lookup, version and versions", async () => {
      const artifact = await stowage.artifacts.get(id);
      expect(artifact).toMatchObject({ id, name, latestVersion: 1, latest: { version: 1 } });
      expect((await stowage.artifacts.lookup({ namespace: agent.namespace, name, sessionId: "s-read" })).id).toBe(id);
      const missing = await stowageError(stowage.artifacts.lookup({ namespace: agent.namespace, name }));
      expect(missing).toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404 });
      expect(await stowage.artifacts.version(id, 0)).toMatchObject({ artifactId: id, version: 0, sha256: sha('{"v":0}') });
      const numbers = [];
      for await (const v of stowage.artifacts.versions(id, { limit: 1 })) numbers.push(v.version);
      expect(numbers).toEqual([1, 0]);
      const page = await stowage.artifacts.versionsPage(id, { limit: 1 });
      expect(page.versions).toHaveLength(1);
      expect(page.nextCursor).toEqual(expect.any(String));
    });

    it("downloads as bytes, text, json and a stream, with size, sha256 and type", async () => {
      const latest = '{"v":1,"text":"héllo"}';
      const bytes = await stowage.artifacts.download(id);
      expect(bytes).toMatchObject({ status: 200, size: Buffer.byteLength(latest), sha256: sha(latest), contentType: "application/json" });
      expect(Buffer.from(await bytes.bytes()).toString()).toBe(latest);
      expect(await (await stowage.artifacts.download(id)).text()).toBe(latest);
      expect(await (await stowage.artifacts.download(id, { version: 0 })).json()).toEqual({ v: 0 });

      const body = await stowage.artifacts.download(id);
      const chunks: Uint8Array[] = [];
      const reader = body.stream().getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      expect(Buffer.concat(chunks).toString()).toBe(latest);
      expect(() => body.stream()).toThrow(/already read/);
    });

    it("downloads a range", async () => {
      const part = await stowage.artifacts.download(id, { version: 0, range: { start: 2, end: 4 } });
      expect(part.status).toBe(206);
      expect(part.range).toEqual({ start: 2, end: 4, total: 7 });
      expect(await part.text()).toBe('v":');
      const tail = await stowage.artifacts.download(id, { version: 0, range: { start: 5 } });
      expect(await tail.text()).toBe("0}");
      const outside = await stowageError(stowage.artifacts.download(id, { range: { start: 1000 } }));
      expect(outside).toMatchObject({ code: "ARTIFACT_RANGE_NOT_SATISFIABLE", status: 416 });
    });

    it("downloads to a file through a temporary file, with progress", async () => {
      const big = await stowage.publish(bytesOf(500_000, 4), { namespace: agent.namespace, name: uniq("to-file.bin") });
      const dir = mkdtempSync(path.join(scratch, "download-"));
      const target = path.join(dir, "out.bin");
      const progress: Progress[] = [];
      const body = await stowage.artifacts.download(big.artifact.id);
      expect(await body.toFile(target, { onProgress: (p) => progress.push(p) })).toEqual({ path: target, bytes: 500_000 });
      expect(sha(readFileSync(target))).toBe(big.version.sha256);
      expect(readdirSync(dir)).toEqual(["out.bin"]);
      expect(progress.at(-1)).toEqual({ loaded: 500_000, total: 500_000 });
    });

    it("iterates a listing across pages, following nextCursor", async () => {
      const prefix = `${uniq("listing")}/`;
      for (let i = 0; i < 7; i++)
        await stowage.publish(`item ${i}`, { namespace: agent.namespace, name: `${prefix}${i}.txt`, tags: ["listed"] });
      const requests: string[] = [];
      const counting = new Stowage({
        url: inject("baseUrl"),
        apiKey: agent.key,
        fetch: (input, init) => {
          requests.push(String(input));
          return fetch(input, init);
        },
      });
      const names = [];
      for await (const artifact of counting.artifacts.list({ namespace: agent.namespace, name: prefix, tag: "listed", limit: 3 })) {
        names.push(artifact.name);
      }
      expect(names.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `${prefix}${i}.txt`));
      expect(requests).toHaveLength(3);
      expect(requests.slice(1).every((url) => new URL(url).searchParams.has("cursor"))).toBe(true);

      const page = await counting.artifacts.listPage({ namespace: agent.namespace, name: prefix, limit: 5 });
      expect(page.artifacts).toHaveLength(5);
      const rest = await counting.artifacts.listPage({ namespace: agent.namespace, name: prefix, limit: 5, cursor: page.nextCursor! });
      expect(rest.artifacts).toHaveLength(2);
      expect(rest.nextCursor).toBeNull();
    });

    it("filters a listing by metadata", async () => {
      const marker = uniq("m");
      await stowage.publish("x", { namespace: agent.namespace, name: uniq("meta.txt"), metadata: { marker } });
      const found = [];
      for await (const a of stowage.artifacts.list({ namespace: agent.namespace, metadata: { marker } })) found.push(a);
      expect(found).toHaveLength(1);
    });
  });

  describe("sharing, changing, deleting", () => {
    it("share gives a URL that works without a key; url() too", async () => {
      const { artifact } = await stowage.publish("shared bytes", { namespace: agent.namespace, name: uniq("share.txt") });
      const link = await stowage.artifacts.share(artifact.id, { expiresIn: 120, version: 0 });
      expect(link.version).toBe(0);
      expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(100_000);
      const res = await fetch(link.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("shared bytes");

      const direct = await stowage.artifacts.url(artifact.id, { expiresIn: 60, download: true });
      expect(direct.version).toBe(0);
      expect(await (await fetch(direct.url)).text()).toBe("shared bytes");
    });

    it("update replaces tags and sets, then clears, expiresAt", async () => {
      const { artifact } = await stowage.publish("u", { namespace: agent.namespace, name: uniq("update.txt"), tags: ["old"] });
      const expiresAt = new Date(Date.now() + 3_600_000);
      const updated = await stowage.artifacts.update(artifact.id, { tags: ["new", "final"], expiresAt });
      expect(updated.tags.sort()).toEqual(["final", "new"]);
      expect(updated.expiresAt).toBe(expiresAt.toISOString());
      expect((await stowage.artifacts.update(artifact.id, { expiresAt: null })).expiresAt).toBeNull();
    });

    it("deletes a version, then the artifact", async () => {
      const name = uniq("delete.txt");
      await stowage.publish("zero", { namespace: agent.namespace, name });
      const { artifact } = await stowage.publish("one", { namespace: agent.namespace, name });
      await stowage.artifacts.delete(artifact.id, { version: 0 });
      expect(await stowageError(stowage.artifacts.version(artifact.id, 0))).toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404 });
      expect((await stowage.artifacts.get(artifact.id)).latestVersion).toBe(1);
      await stowage.artifacts.delete(artifact.id);
      expect(await stowageError(stowage.artifacts.get(artifact.id))).toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404 });
    });

    it("usage and whoami", async () => {
      const me = await stowage.whoami();
      expect(me.identity).toMatchObject({ name: agent.name, namespace: agent.namespace, isAdmin: false });
      const usage = await stowage.usage(agent.namespace);
      expect(usage).toMatchObject({ namespace: agent.namespace, usedBytes: expect.any(Number), quotaBytes: expect.any(Number) });
      expect(usage.artifactCount).toBeGreaterThan(0);
    });

    it("reads STOWAGE_URL and STOWAGE_API_KEY when not given", async () => {
      const saved = { url: process.env.STOWAGE_URL, key: process.env.STOWAGE_API_KEY };
      process.env.STOWAGE_URL = `${inject("baseUrl")}/`;
      process.env.STOWAGE_API_KEY = agent.key;
      try {
        const fromEnv = new Stowage();
        expect(fromEnv.url).toBe(inject("baseUrl"));
        expect((await fromEnv.whoami()).identity.name).toBe(agent.name);
      } finally {
        for (const [name, value] of [
          ["STOWAGE_URL", saved.url],
          ["STOWAGE_API_KEY", saved.key],
        ] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    });
  });

  describe("errors", () => {
    it("404: an unknown artifact", async () => {
      const error = await stowageError(stowage.artifacts.get("does-not-exist"));
      expect(error).toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404, name: "StowageError" });
      expect(error.message).toEqual(expect.any(String));
      expect(error.requestId).toEqual(expect.any(String));
    });

    it("403: a namespace the caller may not write", async () => {
      const other = await createAgent(uniq("other"));
      const error = await stowageError(stowage.publish("nope", { namespace: other.namespace, name: "x.txt" }));
      expect(error).toMatchObject({ code: "ARTIFACT_NAMESPACE_DENIED", status: 403 });
    });

    it("401: a bad key", async () => {
      const anonymous = new Stowage({ url: inject("baseUrl"), apiKey: "stw_not_a_key" });
      expect(await stowageError(anonymous.whoami())).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    });

    it("400: a validation error, with its details", async () => {
      const noName = await stowageError(stowage.publish("x", { namespace: agent.namespace }));
      expect(noName).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", status: 400 });
      const badLimit = await stowageError(stowage.artifacts.listPage({ namespace: agent.namespace, limit: 100_000 }));
      expect(badLimit).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", status: 400 });
    });

    it("409: over the namespace quota, with usedBytes, quotaBytes and requestedBytes in details", async () => {
      const small = await createAgent(uniq("quota"));
      const patched = await adminApi().json(`/api/v1/namespaces/${encodeURIComponent(small.namespace)}`, {
        method: "PATCH",
        json: { quotaBytes: 100 },
      });
      expect(patched.status).toBe(200);
      const client = new Stowage({ url: inject("baseUrl"), apiKey: small.key });
      await client.publish("x".repeat(60), { namespace: small.namespace, name: "first.txt" });
      const error = await stowageError(client.publish("y".repeat(60), { namespace: small.namespace, name: "second.txt" }));
      expect(error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", status: 409 });
      expect(error.details).toMatchObject({ usedBytes: 60, quotaBytes: 100, requestedBytes: 60 });
    });
  });

  describe("aborts, timeouts and retries", () => {
    it("an aborted signal rejects with its reason, before and during a call", async () => {
      const before = new AbortController();
      before.abort(new Error("stop now"));
      await expect(stowage.artifacts.get("whatever", { signal: before.signal })).rejects.toThrow("stop now");

      // A stream that never ends: only the abort can finish this publish.
      const during = new AbortController();
      let cancelled = false;
      const endless = new ReadableStream<Uint8Array>({
        pull: async (controller) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (!cancelled) controller.enqueue(bytesOf(1024));
        },
        cancel: () => {
          cancelled = true;
        },
      });
      setTimeout(() => during.abort(), 200);
      const aborted = await stowage
        .publish(endless, { namespace: agent.namespace, name: uniq("aborted.bin"), signal: during.signal })
        .catch((e: unknown) => e);
      expect(aborted).toMatchObject({ name: "AbortError" });
      expect(cancelled).toBe(true);

      const { artifact } = await stowage.publish(bytesOf(300_000), { namespace: agent.namespace, name: uniq("abort-read.bin") });
      const reading = new AbortController();
      const body = await stowage.artifacts.download(artifact.id, { signal: reading.signal });
      const reader = body.stream().getReader();
      await reader.read();
      reading.abort();
      await expect(
        (async () => {
          for (;;) if ((await reader.read()).done) return;
        })(),
      ).rejects.toMatchObject({ name: "AbortError" });
    });

    it("TIMEOUT (status 0) from a server that accepts and never answers, after retrying idempotent calls", async () => {
      const silent = await startSilentServer();
      try {
        const once = new Stowage({ url: silent.url, apiKey: "stw_x", timeoutMs: 300, retries: 0 });
        const started = Date.now();
        const error = await stowageError(once.whoami());
        expect(error).toMatchObject({ code: "TIMEOUT", status: 0 });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(silent.requests()).toHaveLength(1);

        const retrying = new Stowage({ url: silent.url, apiKey: "stw_x", timeoutMs: 200, retries: 2 });
        expect(await stowageError(retrying.artifacts.get("a"))).toMatchObject({ code: "TIMEOUT" });
        expect(silent.requests()).toHaveLength(4);
        // Not idempotent: a share link is asked for once.
        expect(await stowageError(retrying.artifacts.share("a"))).toMatchObject({ code: "TIMEOUT" });
        expect(silent.requests()).toHaveLength(5);
      } finally {
        await silent.close();
      }
    });

    it("a publish is retried with the same Idempotency-Key, unless it was a stream already sent", async () => {
      const silent = await startSilentServer();
      try {
        const client = new Stowage({ url: silent.url, apiKey: "stw_x", timeoutMs: 300, retries: 1 });
        expect(await stowageError(client.publish("retry me", { namespace: "agent:x", name: "r.txt" }))).toMatchObject({ code: "TIMEOUT" });
        expect(silent.requests()).toHaveLength(2);
        const keys = silent.requests().map((c) => /idempotency-key: (\S+)/i.exec(c)?.[1]);
        expect(keys[0]).toEqual(expect.any(String));
        expect(keys[1]).toBe(keys[0]);

        const stream = Readable.from([Buffer.from("one-shot")]);
        expect(await stowageError(client.publish(stream, { namespace: "agent:x", name: "s.txt" }))).toMatchObject({ code: "TIMEOUT" });
        expect(silent.requests()).toHaveLength(3);
      } finally {
        await silent.close();
      }
    });

    it("retries idempotent calls on 502, 503 and 504 from a gateway, and gives up with the status after its retries", async () => {
      const published = await stowage.publish("behind a gateway", { namespace: agent.namespace, name: uniq("gw") + ".txt" });
      const statuses = [502, 503, 504];
      const gateway = await startFaultyGateway(inject("baseUrl"), (n) => statuses[n]);
      try {
        const client = new Stowage({ url: gateway.url, apiKey: agent.key, retries: 3 });
        expect((await client.artifacts.get(published.artifact.id)).id).toBe(published.artifact.id);
        expect(gateway.seen.map((r) => r.line)).toEqual(Array(4).fill(`GET /api/v1/artifacts/${published.artifact.id}`));
      } finally {
        await gateway.close();
      }

      const down = await startFaultyGateway(inject("baseUrl"), () => 503);
      try {
        const client = new Stowage({ url: down.url, apiKey: agent.key, retries: 2 });
        const error = await stowageError(client.artifacts.download(published.artifact.id));
        expect(error).toMatchObject({ code: "HTTP_ERROR", status: 503 });
        expect(error.message).toContain("503 from the gateway");
        expect(down.seen).toHaveLength(3);
      } finally {
        await down.close();
      }
    });

    it("does not retry a 500, nor a call that is not idempotent (a share link) on a 503", async () => {
      const published = await stowage.publish("no retry", { namespace: agent.namespace, name: uniq("gw") + ".txt" });
      const gateway = await startFaultyGateway(inject("baseUrl"), (n, method) => (method === "POST" ? 503 : n === 0 ? 500 : undefined));
      try {
        const client = new Stowage({ url: gateway.url, apiKey: agent.key, retries: 3 });
        expect(await stowageError(client.artifacts.get(published.artifact.id))).toMatchObject({ status: 500 });
        expect(gateway.seen).toHaveLength(1);
        expect(await stowageError(client.artifacts.share(published.artifact.id))).toMatchObject({ status: 503 });
        expect(gateway.seen).toHaveLength(2);
        const links = await adminApi().json(`/api/v1/artifacts/${published.artifact.id}/share-links`);
        expect(links.body.links).toEqual([]);
      } finally {
        await gateway.close();
      }
    });

    it("a publish whose answer a gateway lost (504) is retried with its Idempotency-Key: one version, the first one's result", async () => {
      const name = uniq("gw-publish") + ".txt";
      const gateway = await startFaultyGateway(inject("baseUrl"), (n) => (n === 0 ? 504 : undefined), true);
      try {
        const client = new Stowage({ url: gateway.url, apiKey: agent.key, retries: 2 });
        const result = await client.publish("published once", { namespace: agent.namespace, name });
        expect(result.version.version).toBe(0);
        expect(gateway.seen).toHaveLength(2);
        expect(gateway.seen[0]!.idempotencyKey).toEqual(expect.any(String));
        expect(gateway.seen[1]!.idempotencyKey).toBe(gateway.seen[0]!.idempotencyKey);
        const versions = [];
        for await (const v of stowage.artifacts.versions(result.artifact.id)) versions.push(v.version);
        expect(versions).toEqual([0]);
        expect(await (await stowage.artifacts.download(result.artifact.id)).text()).toBe("published once");
      } finally {
        await gateway.close();
      }
    });

    it("NETWORK_ERROR (status 0) when nothing listens", async () => {
      const closed = await startSilentServer();
      await closed.close();
      const client = new Stowage({ url: closed.url, apiKey: "stw_x", retries: 1 });
      const error = await stowageError(client.whoami());
      expect(error).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
      expect(error.message).toMatch(/ECONNREFUSED/);
    });
  });

  it("npm run build -w @stowage/client emits dist/index.js and dist/index.d.ts, which load as ESM", async () => {
    const dist = path.join(root, "packages/client/dist");
    // Built over the old files, never removed first: servers of other test files import dist/mcp meanwhile.
    const started = Date.now() - 1000;
    await promisify(execFile)("npm", ["run", "build", "-w", "@stowage/client"], { cwd: root });
    expect(existsSync(path.join(dist, "index.js"))).toBe(true);
    expect(statSync(path.join(dist, "index.js")).mtimeMs).toBeGreaterThanOrEqual(started);
    expect(readFileSync(path.join(dist, "index.d.ts"), "utf8")).toMatch(/export \{ Stowage \}/);
    const built = (await import(path.join(dist, "index.js"))) as typeof import("../../packages/client/src/index.ts");
    const client = new built.Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    expect((await client.whoami()).identity.name).toBe(agent.name);
  });
});
