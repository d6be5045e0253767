import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { builtClientCopy } from "../support/cli-bin.ts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";
import { connectMcp, fails, numberedLines, ok } from "../support/mcp-client.ts";

let scratch: string;
let bin: string;

/** The built stdio bin, as an MCP client starts it, from a copy of dist (another test file rebuilds dist meanwhile). */
function connectStdio(key: string): Promise<Client> {
  return connectMcp(
    new StdioClientTransport({
      command: process.execPath,
      args: [bin],
      cwd: scratch,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: scratch,
        XDG_CONFIG_HOME: path.join(scratch, "config"),
        STOWAGE_URL: inject("baseUrl"),
        STOWAGE_API_KEY: key,
      },
      stderr: "pipe",
    }),
  );
}

/** The remote /api/mcp, with the key as a bearer header: the same tools on the server's own functions. */
const connectRemote = (key: string): Promise<Client> =>
  connectMcp(
    new StreamableHTTPClientTransport(new URL("/api/mcp", inject("baseUrl")), {
      requestInit: { headers: { Authorization: `Bearer ${key}` } },
    }),
  );

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-mcp-aliases-"));
  bin = path.join(await builtClientCopy(scratch, { withNodeModules: true }), "dist/mcp/main.js");
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeAliasTools("stdio stowage-mcp", (key) => connectStdio(key));
describeAliasTools("remote /api/mcp", connectRemote);

function describeAliasTools(label: string, connect: (key: string) => Promise<Client>) {
  describe(`${label}: artifact_alias and reads by alias`, () => {
    let agent: Awaited<ReturnType<typeof createAgent>>;
    let client: Client;
    beforeAll(async () => {
      agent = await createAgent(uniq("mcp-aliases"));
      client = await connect(agent.key);
    });
    afterAll(() => client?.close());

    async function threeVersions(name: string): Promise<string> {
      let id = "";
      for (const text of ["zero\n", "one\nmiddle\n", "two\n"]) {
        id = (await ok(client, "artifact_upload", { namespace: agent.namespace, name, text, contentType: "text/plain" })).json.artifact.id;
      }
      return id;
    }

    it("lists artifact_alias with a description that says when to use it, and alias on the read tools", async () => {
      const { tools } = await client.listTools();
      const tool = tools.find((t) => t.name === "artifact_alias")!;
      expect(tool.description).toMatch(/production/);
      expect(tool.description).toMatch(/protected/);
      expect(Object.keys(tool.inputSchema.properties!)).toEqual(expect.arrayContaining(["id", "action", "alias", "version", "protected"]));
      expect((tool.inputSchema.properties!.action as { enum: string[] }).enum).toEqual(["list", "set", "delete"]);
      for (const name of ["artifact_read", "artifact_grep", "artifact_share"]) {
        expect(Object.keys(tools.find((t) => t.name === name)!.inputSchema.properties!)).toContain("alias");
      }
      expect(Object.keys(tools.find((t) => t.name === "artifact_diff")!.inputSchema.properties!)).toEqual(
        expect.arrayContaining(["fromAlias", "toAlias"]),
      );
    });

    it("sets (created, then moved), lists, protects and deletes aliases; artifact_versions shows them", async () => {
      const id = await threeVersions("notes.txt");
      const empty = await ok(client, "artifact_alias", { id, action: "list" });
      expect(empty.json).toEqual({ artifactId: id, aliases: [] });
      expect(empty.hint).toContain("action=set");

      const created = await ok(client, "artifact_alias", { id, action: "set", alias: "production", version: 1 });
      expect(created.json).toMatchObject({ artifactId: id, created: true, alias: { name: "production", version: 1, protected: false } });
      const moved = await ok(client, "artifact_alias", {
        namespace: agent.namespace,
        name: "notes.txt",
        action: "set",
        alias: "production",
        version: 2,
        protected: true,
      });
      expect(moved.json).toMatchObject({ created: false, alias: { name: "production", version: 2, protected: true } });
      const listed = await ok(client, "artifact_alias", { id, action: "list" });
      expect(listed.json.aliases).toMatchObject([{ name: "production", version: 2, protected: true }]);

      const versions = await ok(client, "artifact_versions", { id });
      expect(versions.json.versions.map((v: { version: number; aliases?: string[] }) => [v.version, v.aliases])).toEqual([
        [2, ["production"]],
        [1, undefined],
        [0, undefined],
      ]);

      const refused = await fails(client, "artifact_delete", { id, version: 2 }, "ARTIFACT_VERSION_PROTECTED");
      expect(refused.json.error.aliases).toEqual(["production"]);
      await fails(client, "artifact_delete", { id }, "ARTIFACT_VERSION_PROTECTED");

      await ok(client, "artifact_alias", { id, action: "set", alias: "production", version: 2, protected: false });
      const removed = await ok(client, "artifact_alias", { id, action: "delete", alias: "production" });
      expect(removed.text).toBe(`removed alias production of artifact ${id} (its version stays)`);
      await fails(client, "artifact_alias", { id, action: "delete", alias: "production" }, "ARTIFACT_NOT_FOUND");
      await ok(client, "artifact_delete", { id, version: 2 });
    });

    it("reads the aliased version: artifact_read (lines, bytes, metadata), artifact_grep, artifact_diff and artifact_share", async () => {
      const id = await threeVersions("reads.txt");
      await ok(client, "artifact_alias", { id, action: "set", alias: "production", version: 1 });
      await ok(client, "artifact_alias", { id, action: "set", alias: "first", version: 0 });

      const read = await ok(client, "artifact_read", { id, alias: "production" });
      expect(numberedLines(read.text)).toEqual([
        [1, "one"],
        [2, "middle"],
      ]);
      expect(read.hint).toContain(`artifact ${id} v1`);
      const bytes = await ok(client, "artifact_read", { id, alias: "first", byteOffset: 0 });
      expect(bytes.text).toBe("zero\n");
      const meta = await ok(client, "artifact_read", { id, alias: "production", metadataOnly: true });
      expect(meta.json.version.version).toBe(1);

      const grep = await ok(client, "artifact_grep", { id, pattern: "middle", alias: "production" });
      expect(grep.text).toBe("2:middle");
      expect(grep.hint).toContain("v1");
      const diff = await ok(client, "artifact_diff", { id, fromAlias: "first", toAlias: "production" });
      expect(diff.text).toContain("-zero\n+one\n+middle");
      expect(diff.hint).toContain("v0 → v1");

      const link = await ok(client, "artifact_share", { id, alias: "production" });
      expect(await (await fetch(link.json.url)).text()).toBe("one\nmiddle\n");

      const unknown = await fails(client, "artifact_read", { id, alias: "staging" }, "ARTIFACT_NOT_FOUND");
      expect(unknown.json.error.message).toContain("staging");
      await fails(client, "artifact_read", { id, alias: "staging", metadataOnly: true }, "ARTIFACT_NOT_FOUND");
      const both = await fails(client, "artifact_read", { id, version: 1, alias: "production" }, "ARTIFACT_VALIDATION_FAILED");
      expect(both.json.error.field).toBe("alias");
      await fails(client, "artifact_diff", { id, from: 0, fromAlias: "first" }, "ARTIFACT_VALIDATION_FAILED");
    });

    it("refuses bad input, bad names and a reader's set as tool errors with Stowage's codes", async () => {
      const id = await threeVersions("rules.txt");
      for (const alias of ["Production", "latest", "42"]) {
        await fails(client, "artifact_alias", { id, action: "set", alias, version: 0 }, "ARTIFACT_VALIDATION_FAILED");
      }
      await fails(client, "artifact_alias", { id, action: "set", alias: "production", version: 9 }, "ARTIFACT_NOT_FOUND");
      const noVersion = await fails(client, "artifact_alias", { id, action: "set", alias: "production" }, "ARTIFACT_VALIDATION_FAILED");
      expect(noVersion.json.error.field).toBe("version");
      const noName = await fails(client, "artifact_alias", { id, action: "delete" }, "ARTIFACT_VALIDATION_FAILED");
      expect(noName.json.error.field).toBe("alias");
      await fails(client, "artifact_alias", { id, action: "list", version: 1 }, "ARTIFACT_VALIDATION_FAILED");
      await fails(client, "artifact_alias", { id, action: "rename", alias: "x" }, "ARTIFACT_VALIDATION_FAILED");
      await fails(client, "artifact_alias", { action: "list" }, "ARTIFACT_VALIDATION_FAILED");

      await ok(client, "artifact_alias", { id, action: "set", alias: "production", version: 2 });
      const reader = await createAgent(uniq("mcp-alias-reader"));
      const grant = await adminApi().json(`/api/v1/namespaces/${agent.namespace}/grants`, {
        method: "POST",
        json: { identity: reader.name, permission: "read" },
      });
      expect(grant.status).toBe(201);
      const asReader = await connect(reader.key);
      try {
        expect((await ok(asReader, "artifact_alias", { id, action: "list" })).json.aliases).toMatchObject([
          { name: "production", version: 2 },
        ]);
        expect(numberedLines((await ok(asReader, "artifact_read", { id, alias: "production" })).text)).toEqual([[1, "two"]]);
        await fails(asReader, "artifact_alias", { id, action: "set", alias: "production", version: 0 }, "ARTIFACT_NAMESPACE_DENIED");
        await fails(asReader, "artifact_alias", { id, action: "delete", alias: "production" }, "ARTIFACT_NAMESPACE_DENIED");
      } finally {
        await asReader.close();
      }
    });
  });
}
