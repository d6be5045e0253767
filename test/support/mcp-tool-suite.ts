import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, uniq } from "./api.ts";
import { callTool, fails, numberedLines, ok, TOOL_NAMES } from "./mcp-client.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

/** The run, tool and model a server is configured with: X-Stowage-* headers remotely, flags locally. */
export type TMcpLineage = { run?: string; tool?: string; model?: string };

/**
 * Every tool through a real MCP client against the real server, the same for the remote server
 * and the stdio bin: they serve one set of definitions, so they must answer alike.
 * `connect(key, lineage)` opens a client for that API key, working for that run, tool and model.
 */
export function describeMcpTools(
  label: string,
  connect: (key: string, lineage?: TMcpLineage) => Promise<Client>,
  options: { resultMaxKb: number },
) {
  describe(`${label}: the artifact tools`, () => {
    let agent: TAgent;
    let client: Client;
    const session = uniq("session");

    beforeAll(async () => {
      agent = await createAgent(uniq("mcp"));
      client = await connect(agent.key);
    });
    afterAll(async () => {
      await client?.close();
    });

    it("lists the ten tools with an object input schema and a description each", async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
      for (const tool of tools) {
        expect(tool.inputSchema.type).toBe("object");
        expect(tool.description!.length).toBeGreaterThan(60);
      }
      const read = tools.find((t) => t.name === "artifact_read")!;
      expect(Object.keys(read.inputSchema.properties!)).toEqual(
        expect.arrayContaining(["offset", "limit", "tail", "byteOffset", "metadataOnly"]),
      );
      expect(tools.find((t) => t.name === "artifact_delete")!.annotations?.destructiveHint).toBe(true);
    });

    it("uploads text and bytes, then reads them back: numbered lines, byte ranges, metadata", async () => {
      const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
      const up = await ok(client, "artifact_upload", {
        namespace: agent.namespace,
        name: "notes/plan.md",
        text,
        sessionId: session,
        tags: ["plan"],
        metadata: { step: 1 },
      });
      expect(up.json.artifact).toMatchObject({ namespace: agent.namespace, name: "notes/plan.md", sessionId: session, latestVersion: 0 });
      expect(up.json.version).toMatchObject({ version: 0, sizeBytes: Buffer.byteLength(text) });
      expect(up.blocks[1]).toMatchObject({ type: "resource_link", uri: `stowage://artifacts/${up.json.artifact.id}@0` });
      const id = up.json.artifact.id as string;

      const page = await ok(client, "artifact_read", { id, offset: 5, limit: 3 });
      expect(numberedLines(page.text)).toEqual([
        [5, "line 5"],
        [6, "line 6"],
        [7, "line 7"],
      ]);
      expect(page.hint).toContain("Continue with offset=8");
      const tail = await ok(client, "artifact_read", { namespace: agent.namespace, name: "notes/plan.md", sessionId: session, tail: 2 });
      expect(numberedLines(tail.text)).toEqual([
        [29, "line 29"],
        [30, "line 30"],
      ]);
      expect(tail.hint).toContain("End of file");
      const head = await ok(client, "artifact_read", { id, head: 1 });
      expect(numberedLines(head.text)).toEqual([[1, "line 1"]]);

      const bytes = await ok(client, "artifact_read", { id, byteOffset: 5, byteLength: 6 });
      expect(bytes.text).toBe("1\nline");
      expect(bytes.hint).toContain("Continue with byteOffset=11");

      const meta = await ok(client, "artifact_read", { id, metadataOnly: true });
      expect(meta.json.artifact).toMatchObject({ id, tags: ["plan"] });
      expect(meta.json.version).toMatchObject({ version: 0, metadata: { step: 1 }, mimeType: expect.stringContaining("text/markdown") });

      const binary = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
      const bin = await ok(client, "artifact_upload", {
        namespace: agent.namespace,
        name: "blob.bin",
        base64: Buffer.from(binary).toString("base64"),
        contentType: "application/octet-stream",
      });
      const binId = bin.json.artifact.id as string;
      const range = await ok(client, "artifact_read", { id: binId, byteOffset: 100, byteLength: 50 });
      expect(range.blocks[0]).toMatchObject({
        type: "resource",
        resource: { uri: `stowage://artifacts/${binId}@0`, mimeType: "application/octet-stream" },
      });
      expect(Buffer.from(range.blocks[0]!.resource!.blob!, "base64")).toEqual(Buffer.from(binary.subarray(100, 150)));
      const notText = await fails(client, "artifact_read", { id: binId }, "ARTIFACT_NOT_TEXT");
      expect(notText.hint).toContain("byteOffset");
      await fails(client, "artifact_read", { id: binId, byteOffset: 300 }, "ARTIFACT_RANGE_NOT_SATISFIABLE");
    });

    it("cuts a long read at the result cap and says where to continue; following the hints reads every line once", async () => {
      const line = (n: number) => `${String(n).padStart(5, "0")} ${"x".repeat(90)}`;
      const total = Math.ceil((options.resultMaxKb * 1024 * 2.5) / 97);
      const text = Array.from({ length: total }, (_, i) => line(i + 1)).join("\n") + "\n";
      const { json } = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "big.txt", text });
      const seen: number[] = [];
      let offset: number | undefined = 1;
      for (let calls = 0; offset !== undefined; calls++) {
        expect(calls).toBeLessThan(20);
        const page = await ok(client, "artifact_read", { id: json.artifact.id, offset, limit: 2000 });
        const allText = page.blocks.map((b) => b.text ?? "").join("\n");
        expect(Buffer.byteLength(allText)).toBeLessThanOrEqual(options.resultMaxKb * 1024);
        const lines = numberedLines(page.text);
        for (const [n, t] of lines) expect(t).toBe(line(n));
        seen.push(...lines.map(([n]) => n));
        const next = /Continue with offset=(\d+)/.exec(page.hint ?? "");
        offset = next ? Number(next[1]) : undefined;
      }
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    });

    it("appends atomically: concurrent appends all land, each a new version", async () => {
      const { json } = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "log.txt", text: "start\n" });
      const id = json.artifact.id as string;
      const appended = await Promise.all(
        Array.from({ length: 5 }, (_, i) => callTool(client, "artifact_append", { id, text: `entry ${i}\n` })),
      );
      for (const a of appended) expect(a.isError, a.text).toBe(false);
      const read = await ok(client, "artifact_read", { id });
      const lines = numberedLines(read.text).map(([, t]) => t);
      expect(lines[0]).toBe("start");
      expect(lines.slice(1).sort()).toEqual(["entry 0", "entry 1", "entry 2", "entry 3", "entry 4"]);
      expect(read.hint).toContain("v5");
      // By name, an artifact that does not exist yet is created.
      const created = await ok(client, "artifact_append", { namespace: agent.namespace, name: "journal.txt", text: "first\n" });
      expect(created.json.version.version).toBe(0);
      const again = await ok(client, "artifact_append", { namespace: agent.namespace, name: "journal.txt", text: "second\n" });
      expect(again.json.version.version).toBe(1);
    });

    it("skips an upload whose content is the latest version's when asked, and says so", async () => {
      const base = { namespace: agent.namespace, name: `${uniq("same")}.md`, skipIfUnchanged: true };
      const first = await ok(client, "artifact_upload", { ...base, text: "same\n" });
      expect(first.json.unchanged).toBeUndefined();
      const again = await ok(client, "artifact_upload", { ...base, text: "same\n" });
      expect(again.json).toMatchObject({ version: { version: 0 }, unchanged: true });
      const changed = await ok(client, "artifact_upload", { ...base, text: "changed\n" });
      expect(changed.json.version.version).toBe(1);
      const asked = await ok(client, "artifact_upload", { ...base, skipIfUnchanged: false, text: "changed\n" });
      expect(asked.json.version.version).toBe(2);
    });

    it("lists versions and diffs two of them; greps one artifact and a whole session", async () => {
      const base = { namespace: agent.namespace, name: "report.md", sessionId: session };
      await ok(client, "artifact_upload", { ...base, text: "alpha\nbeta\ngamma\n" });
      const second = await ok(client, "artifact_upload", { ...base, text: "alpha\nBETA\ngamma\ndelta\n" });
      const id = second.json.artifact.id as string;

      const versions = await ok(client, "artifact_versions", { id, limit: 1 });
      expect(versions.json.versions.map((v: { version: number }) => v.version)).toEqual([1]);
      const cursor = /cursor="([^"]+)"/.exec(versions.hint ?? "")![1];
      const older = await ok(client, "artifact_versions", { id, limit: 1, cursor });
      expect(older.json.versions.map((v: { version: number }) => v.version)).toEqual([0]);
      expect(older.json.nextCursor).toBeNull();

      const diff = await ok(client, "artifact_diff", { id, from: 0, to: 1 });
      expect(diff.text).toContain("-beta");
      expect(diff.text).toContain("+BETA");
      expect(diff.text).toContain("+delta");
      expect(diff.hint).toMatch(/\+2 −1/);
      const rest = await ok(client, "artifact_diff", { id, from: 0, to: 1, offset: 3 });
      expect(rest.text.split("\n")[0]).toBe(diff.text.split("\n")[2]);

      const one = await ok(client, "artifact_grep", { id, pattern: "^(alpha|delta)$", context: 1 });
      expect(one.text).toBe("1:alpha\n2-BETA\n--\n3-gamma\n4:delta");
      const old = await ok(client, "artifact_grep", { id, pattern: "beta", version: 0 });
      expect(old.text).toBe("2:beta");
      const none = await ok(client, "artifact_grep", { id, pattern: "zeta" });
      expect(none.text).toBe("no matches");
      const all = await ok(client, "artifact_grep", { namespace: agent.namespace, sessionId: session, pattern: "line 2\\b|gamma" });
      expect(all.text).toContain(`== report.md v1 (${id}) ==\n3:gamma`);
      expect(all.text).toMatch(/== notes\/plan\.md v0 \(\w+\) ==\n2:line 2/);
      await fails(client, "artifact_grep", { id, pattern: "(a)\\1" }, "ARTIFACT_PATTERN_INVALID");
    });

    it("lists with filters and continues with the cursor it hints", async () => {
      const tag = uniq("tag");
      for (const name of ["a.txt", "b.txt", "c.txt"])
        await ok(client, "artifact_upload", { namespace: agent.namespace, name: `list/${name}`, text: name, tags: [tag] });
      const first = await ok(client, "artifact_list", { namespace: agent.namespace, tag, limit: 2 });
      expect(first.json.artifacts.map((a: { name: string }) => a.name)).toEqual(["list/c.txt", "list/b.txt"]);
      const cursor = /cursor="([^"]+)"/.exec(first.hint ?? "")![1];
      const second = await ok(client, "artifact_list", { namespace: agent.namespace, tag, limit: 2, cursor });
      expect(second.json.artifacts.map((a: { name: string }) => a.name)).toEqual(["list/a.txt"]);
      expect(second.hint).toBeUndefined();
      const prefixed = await ok(client, "artifact_list", { namespace: agent.namespace, namePrefix: "list/b" });
      expect(prefixed.json.artifacts.map((a: { name: string }) => a.name)).toEqual(["list/b.txt"]);
    });

    it("shares a version by a URL that works without a key, and deletes a version, then the artifact", async () => {
      const base = { namespace: agent.namespace, name: "shared.txt" };
      await ok(client, "artifact_upload", { ...base, text: "v0" });
      const { json } = await ok(client, "artifact_upload", { ...base, text: "v1" });
      const id = json.artifact.id as string;
      const shared = await ok(client, "artifact_share", { id, version: 0, expiresIn: 600 });
      expect(Date.parse(shared.json.expiresAt)).toBeGreaterThan(Date.now());
      const res = await fetch(shared.json.url);
      expect(await res.text()).toBe("v0");

      const gone = await ok(client, "artifact_delete", { id, version: 1 });
      expect(gone.text).toContain("deleted version 1");
      const latest = await ok(client, "artifact_read", { id });
      expect(numberedLines(latest.text)).toEqual([[1, "v0"]]);
      await ok(client, "artifact_delete", { ...base });
      await fails(client, "artifact_read", { id }, "ARTIFACT_NOT_FOUND");
    });

    it("answers bad input as ARTIFACT_VALIDATION_FAILED tool errors naming the field", async () => {
      await fails(client, "artifact_list", { bogus: 1 }, "ARTIFACT_VALIDATION_FAILED");
      const both = await fails(
        client,
        "artifact_upload",
        { namespace: agent.namespace, name: "x", text: "a", base64: "YQ==" },
        "ARTIFACT_VALIDATION_FAILED",
      );
      expect(both.json.error.field).toBe("text");
      await fails(client, "artifact_read", { name: "no-namespace" }, "ARTIFACT_VALIDATION_FAILED");
      await fails(client, "artifact_read", { id: "x", tail: 2, offset: 1 }, "ARTIFACT_VALIDATION_FAILED");
      const limit = await fails(client, "artifact_list", { limit: 1000 }, "ARTIFACT_VALIDATION_FAILED");
      expect(limit.json.error.field).toBe("limit");
    });

    it("serves artifacts as stowage:// resources: listed, read as text or a blob, by version", async () => {
      const up = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "res.txt", text: "hello\n" });
      const id = up.json.artifact.id as string;
      await ok(client, "artifact_upload", { namespace: agent.namespace, name: "res.txt", text: "hello again\n" });
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(["stowage://artifacts/{id}", "stowage://artifacts/{id}@{version}"]);
      const { resources } = await client.listResources();
      expect(resources).toContainEqual(expect.objectContaining({ uri: `stowage://artifacts/${id}`, name: `${agent.namespace}/res.txt` }));
      expect((await client.readResource({ uri: `stowage://artifacts/${id}` })).contents).toEqual([
        { uri: `stowage://artifacts/${id}`, mimeType: expect.stringContaining("text/plain"), text: "hello again\n" },
      ]);
      expect((await client.readResource({ uri: `stowage://artifacts/${id}@0` })).contents[0]).toMatchObject({ text: "hello\n" });
      const bytes = Uint8Array.from([0, 1, 2, 255]);
      const bin = await ok(client, "artifact_upload", {
        namespace: agent.namespace,
        name: "res.bin",
        base64: Buffer.from(bytes).toString("base64"),
      });
      const blob = (await client.readResource({ uri: `stowage://artifacts/${bin.json.artifact.id}` })).contents[0] as { blob: string };
      expect(Buffer.from(blob.blob, "base64")).toEqual(Buffer.from(bytes));
      await expect(client.readResource({ uri: "stowage://artifacts/01nosuchartifact0000000000" })).rejects.toThrow(/ARTIFACT_NOT_FOUND/);
    });
  });

  describe(`${label}: lineage`, () => {
    let agent: TAgent;
    let plain: Client;
    const inputsOf = async (run: string) => {
      const res = await agent.client.json(`/api/v1/runs/${run}/inputs?namespace=${encodeURIComponent(agent.namespace)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.inputs as { artifactId: string; version: number }[]).map((i) => [i.artifactId, i.version]).sort();
    };
    const producedBy = async (id: string, version: number) => {
      const res = await agent.client.json(`/api/v1/artifacts/${id}/versions/${version}/lineage`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.producedBy;
    };

    beforeAll(async () => {
      agent = await createAgent(uniq("mcp-lineage"));
      plain = await connect(agent.key);
    });
    afterAll(async () => {
      await plain?.close();
    });

    it("records what a client working for a run reads as the run's inputs; a read's runId is recorded instead", async () => {
      const notes = await ok(plain, "artifact_upload", { namespace: agent.namespace, name: "inputs/notes.md", text: "alpha\nbeta\n" });
      const id = notes.json.artifact.id as string;
      await ok(plain, "artifact_upload", { namespace: agent.namespace, name: "inputs/notes.md", text: "alpha\nBETA\n" });
      const log = await ok(plain, "artifact_upload", { namespace: agent.namespace, name: "inputs/log.txt", text: "one\ntwo\n" });
      const logId = log.json.artifact.id as string;
      const blob = await ok(plain, "artifact_upload", { namespace: agent.namespace, name: "inputs/blob.bin", base64: "AAECAw==" });
      const blobId = blob.json.artifact.id as string;
      const res = await ok(plain, "artifact_upload", { namespace: agent.namespace, name: "inputs/res.txt", text: "resource\n" });
      const resId = res.json.artifact.id as string;
      // Reads without a run are recorded for none.
      await ok(plain, "artifact_read", { id: logId });

      const run = uniq("run");
      const other = uniq("other-run");
      const client = await connect(agent.key, { run });
      try {
        await ok(client, "artifact_read", { id, version: 0, limit: 1 });
        await ok(client, "artifact_grep", { id: logId, pattern: "two" });
        await ok(client, "artifact_diff", { id, from: 0, to: 1 });
        await ok(client, "artifact_read", { id: blobId, byteOffset: 1, byteLength: 2 });
        await client.readResource({ uri: `stowage://artifacts/${resId}` });
        // Metadata is not content: not an input.
        await ok(client, "artifact_read", { id: logId, metadataOnly: true, version: 0 });
        // A read naming its own run is that run's, not the client's.
        await ok(client, "artifact_read", { id: logId, tail: 1, runId: other });
        await ok(client, "artifact_grep", { id, pattern: "alpha", version: 1, runId: other });
        await fails(client, "artifact_read", { id: logId, runId: "bad\u00e9" }, "ARTIFACT_VALIDATION_FAILED");
      } finally {
        await client.close();
      }
      expect(await inputsOf(run)).toEqual(
        [
          [id, 0],
          [id, 1],
          [logId, 0],
          [blobId, 0],
          [resId, 0],
        ].sort(),
      );
      expect(await inputsOf(other)).toEqual(
        [
          [logId, 0],
          [id, 1],
        ].sort(),
      );
    });

    it("publishes and appends with the client's run, tool and model; an upload's own runId wins", async () => {
      const run = uniq("run");
      const client = await connect(agent.key, { run, tool: "mcp-tests/1.0", model: "test-model (large)" });
      try {
        const up = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "made/report.md", text: "# Report\n" });
        const id = up.json.artifact.id as string;
        expect(await producedBy(id, 0)).toMatchObject({ run, identity: agent.name, tool: "mcp-tests/1.0", model: "test-model (large)" });
        const own = uniq("own-run");
        const mine = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "made/report.md", text: "# R\n", runId: own });
        expect(mine.json.version.version).toBe(1);
        expect(await producedBy(id, 1)).toMatchObject({ run: own, tool: "mcp-tests/1.0", model: "test-model (large)" });
        const appended = await ok(client, "artifact_append", { id, text: "more\n" });
        expect(appended.json.version.version).toBe(2);
        expect(await producedBy(id, 2)).toMatchObject({ run, tool: "mcp-tests/1.0", model: "test-model (large)" });
        const created = await ok(client, "artifact_append", { namespace: agent.namespace, name: "made/journal.txt", text: "first\n" });
        expect(await producedBy(created.json.artifact.id, 0)).toMatchObject({ run, tool: "mcp-tests/1.0", model: "test-model (large)" });
      } finally {
        await client.close();
      }
      // Without them, a version has none.
      const bare = await ok(plain, "artifact_append", { namespace: agent.namespace, name: "made/journal.txt", text: "second\n" });
      expect(await producedBy(bare.json.artifact.id, 1)).toMatchObject({ run: null, tool: null, model: null });
    });
  });
}
