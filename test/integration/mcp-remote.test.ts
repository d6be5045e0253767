import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";
import { startSideServer } from "../support/side-server.ts";
import { callTool, connectMcp, fails, ok } from "../support/mcp-client.ts";
import { describeMcpTools, type TMcpLineage } from "../support/mcp-tool-suite.ts";

const mcpUrl = () => new URL("/api/mcp", inject("baseUrl"));

/** The MCP SDK's own client over Streamable HTTP, with the key as a bearer header and the lineage as X-Stowage-* headers. */
const connectRemote = (key: string, lineage: TMcpLineage = {}, url = mcpUrl()) => {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (lineage.run !== undefined) headers["X-Stowage-Run"] = lineage.run;
  if (lineage.tool !== undefined) headers["X-Stowage-Tool"] = lineage.tool;
  if (lineage.model !== undefined) headers["X-Stowage-Model"] = lineage.model;
  return connectMcp(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
};

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
};

const post = (headers: Record<string, string>, body: unknown = initialize, url = mcpUrl()) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });

describeMcpTools("remote /api/mcp", connectRemote, { resultMaxKb: 64 });

describe("remote /api/mcp: authentication and authorization", () => {
  let owner: Awaited<ReturnType<typeof createAgent>>;
  let reader: Awaited<ReturnType<typeof createAgent>>;
  let stranger: Awaited<ReturnType<typeof createAgent>>;
  let artifactId: string;

  beforeAll(async () => {
    [owner, reader, stranger] = await Promise.all([createAgent(uniq("owner")), createAgent(uniq("reader")), createAgent(uniq("stranger"))]);
    const granted = await adminApi().json(`/api/v1/namespaces/${owner.namespace}/grants`, {
      method: "POST",
      json: { identity: reader.name, permission: "read" },
    });
    expect(granted.status).toBe(201);
    const up = await owner.client.upload({ namespace: owner.namespace, name: "secret.txt" }, "owner's text\n");
    artifactId = up.body.artifact.id;
  });

  it("answers a request without a key, or with a bad one, 401 with the usual JSON error", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer stw_not_a_key_at_all_0000000000" },
      { authorization: "Basic dXNlcjpwYXNz" },
    ];
    for (const headers of attempts) {
      const res = await post(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      const body = await res.json();
      expect(body.error.code).toBe("UNAUTHENTICATED");
      expect(typeof body.error.message).toBe("string");
    }
    await expect(connectMcp(new StreamableHTTPClientTransport(mcpUrl()))).rejects.toThrow();
  });

  it("is stateless: no session id, and GET or DELETE answer 405", async () => {
    const res = await post({ authorization: `Bearer ${owner.key}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("mcp-session-id")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).result.serverInfo.name).toBe("stowage");
    for (const method of ["GET", "DELETE"]) {
      const other = await fetch(mcpUrl(), { method, headers: { authorization: `Bearer ${owner.key}`, accept: "text/event-stream" } });
      expect(other.status).toBe(405);
      expect(other.headers.get("allow")).toBe("POST");
    }
  });

  it("authorizes each call as the HTTP API does: a stranger neither sees nor writes, a reader reads but cannot write", async () => {
    const strangerClient = await connectRemote(stranger.key);
    await fails(strangerClient, "artifact_read", { id: artifactId }, "ARTIFACT_NOT_FOUND");
    await fails(strangerClient, "artifact_upload", { namespace: owner.namespace, name: "x.txt", text: "x" }, "ARTIFACT_NAMESPACE_DENIED");
    await fails(strangerClient, "artifact_list", { namespace: owner.namespace }, "ARTIFACT_NAMESPACE_DENIED");
    await fails(strangerClient, "artifact_delete", { id: artifactId }, "ARTIFACT_NOT_FOUND");
    const { resources } = await strangerClient.listResources();
    expect(resources.map((r) => r.uri)).not.toContain(`stowage://artifacts/${artifactId}`);
    await strangerClient.close();

    const readerClient = await connectRemote(reader.key);
    const read = await ok(readerClient, "artifact_read", { namespace: owner.namespace, name: "secret.txt" });
    expect(read.text).toContain("owner's text");
    await fails(
      readerClient,
      "artifact_upload",
      { namespace: owner.namespace, name: "secret.txt", text: "mine now" },
      "ARTIFACT_NAMESPACE_DENIED",
    );
    await fails(readerClient, "artifact_append", { id: artifactId, text: "more" }, "ARTIFACT_NAMESPACE_DENIED");
    const deleted = await callTool(readerClient, "artifact_delete", { id: artifactId });
    expect(deleted.isError).toBe(true);
    expect(deleted.json.error.code).toBe("ARTIFACT_NAMESPACE_DENIED");
    await readerClient.close();

    // Nothing the refused calls tried took effect.
    const after = await owner.client.json(`/api/v1/artifacts/${artifactId}`);
    expect(after.body.artifact.latestVersion).toBe(0);
  });

  it("records MCP uploads and reads in the audit log as the caller", async () => {
    const client = await connectRemote(owner.key);
    const up = await ok(client, "artifact_upload", { namespace: owner.namespace, name: "audited.bin", base64: "AAEC" });
    await ok(client, "artifact_read", { id: up.json.artifact.id, byteOffset: 0 });
    await client.close();
    const events = await adminApi().json(`/api/v1/audit?artifactId=${up.json.artifact.id}`);
    expect(events.status).toBe(200);
    const actions = events.body.events.map((e: { action: string; actorName: string; details: { via?: string } }) => [
      e.action,
      e.actorName,
      e.details.via,
    ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["artifact.upload", owner.name, "mcp"],
        ["artifact.download", owner.name, "mcp"],
      ]),
    );
  });
});

describe("remote /api/mcp: lineage headers", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  beforeAll(async () => {
    agent = await createAgent(uniq("headers"));
  });

  it("answers a bad X-Stowage-Tool, X-Stowage-Model or X-Stowage-Run 400 ARTIFACT_VALIDATION_FAILED, before any tool runs", async () => {
    const upload = {
      jsonrpc: "2.0",
      id: 3,
      method: "tools/call",
      params: { name: "artifact_upload", arguments: { namespace: agent.namespace, name: "never.txt", text: "x" } },
    };
    const bad: [Record<string, string>, string][] = [
      [{ "x-stowage-tool": "-starts-with-a-dash" }, "tool"],
      [{ "x-stowage-tool": "t".repeat(129) }, "tool"],
      [{ "x-stowage-model": "semi;colon" }, "model"],
      [{ "x-stowage-run": "r".repeat(256) }, "runId"],
    ];
    for (const [headers, field] of bad) {
      const res = await post({ authorization: `Bearer ${agent.key}`, ...headers }, upload);
      expect(res.status, JSON.stringify(headers)).toBe(400);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", field });
    }
    // Authentication comes first, as on the HTTP API.
    expect((await post({ "x-stowage-tool": "-bad" }, upload)).status).toBe(401);
    const listed = await agent.client.json(`/api/v1/artifacts?namespace=${encodeURIComponent(agent.namespace)}`);
    expect(listed.body.artifacts).toEqual([]);
    // The same request with good headers goes through.
    const run = uniq("run");
    const good = await post({ authorization: `Bearer ${agent.key}`, "x-stowage-tool": "curl/8", "x-stowage-run": run }, upload);
    expect(good.status).toBe(200);
    const published = JSON.parse((await good.json()).result.content[0].text);
    const lineage = await agent.client.json(`/api/v1/artifacts/${published.artifact.id}/versions/0/lineage`);
    expect(lineage.body.producedBy).toMatchObject({ run, tool: "curl/8", model: null });
  });

  it("takes the run from ?runId= on the MCP URL too, for clients that can only be given a URL", async () => {
    const up = await agent.client.upload({ namespace: agent.namespace, name: "by-url.txt" }, "hello\n");
    const run = uniq("url-run");
    const url = mcpUrl();
    url.searchParams.set("runId", run);
    const client = await connectRemote(agent.key, {}, url);
    await ok(client, "artifact_read", { id: up.body.artifact.id });
    await client.close();
    const inputs = await agent.client.json(`/api/v1/runs/${run}/inputs?namespace=${encodeURIComponent(agent.namespace)}`);
    expect(inputs.body.inputs.map((i: { artifactId: string }) => i.artifactId)).toEqual([up.body.artifact.id]);
  });
});

describe("remote /api/mcp: bounds", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  beforeAll(async () => {
    agent = await createAgent(uniq("bounds"));
  });
  afterAll(() => undefined);

  it("refuses a request body over MCP_REQUEST_MAX_MB before parsing it, and the client reads the 413", async () => {
    // A server of its own with a 1 MB limit: the refused rest of the body (½ MB) is small enough
    // to be drained, so the answer is read rather than cut off by the close (EPIPE) that a
    // remainder past the drain bound gets.
    const side = await startSideServer({ env: { MCP_REQUEST_MAX_MB: "1" } });
    try {
      const owner = await createAgent(uniq("bounds"), {}, side.admin);
      const big = {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "artifact_upload", arguments: { text: "x".repeat(1.5 * 1024 * 1024) } },
      };
      const res = await post({ authorization: `Bearer ${owner.key}` }, big, new URL("/api/mcp", side.server.baseUrl));
      expect(res.status).toBe(413);
      expect(res.headers.get("connection")).not.toBe("close");
      // Under the limit the same call goes through and publishes.
      const small = {
        ...big,
        params: { ...big.params, arguments: { text: "x".repeat(1024), namespace: owner.namespace, name: "ok.txt" } },
      };
      const done = await post({ authorization: `Bearer ${owner.key}` }, small, new URL("/api/mcp", side.server.baseUrl));
      expect(done.status).toBe(200);
      expect(((await done.json()) as { result: { isError?: boolean } }).result.isError).toBeFalsy();
    } finally {
      await side.stop();
    }
  });

  it("keeps a binary byte read within the cap once base64-encoded, and says where to continue", async () => {
    const client = await connectRemote(agent.key);
    const bytes = Buffer.alloc(100 * 1024, 7);
    const up = await agent.client.upload({ namespace: agent.namespace, name: "big.bin" }, bytes, {
      contentType: "application/octet-stream",
    });
    const read = await ok(client, "artifact_read", { id: up.body.artifact.id, byteOffset: 0, byteLength: 100 * 1024 });
    const blob = read.blocks[0]!.resource!.blob!;
    expect(blob.length).toBeLessThanOrEqual(64 * 1024);
    expect(read.hint).toContain(`Continue with byteOffset=${Buffer.from(blob, "base64").length}`);
    await expect(client.readResource({ uri: `stowage://artifacts/${up.body.artifact.id}` })).rejects.toThrow(/ARTIFACT_TOO_LARGE/);
    await client.close();
  });
});
