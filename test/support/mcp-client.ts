import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { expect } from "vitest";

export const TOOL_NAMES = [
  "artifact_upload",
  "artifact_list",
  "artifact_read",
  "artifact_grep",
  "artifact_versions",
  "artifact_diff",
  "artifact_append",
  "artifact_share",
  "artifact_delete",
  "artifact_alias",
];

export async function connectMcp(transport: Transport): Promise<Client> {
  const client = new Client({ name: "stowage-tests", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

type Block = { type: string; text?: string; uri?: string; resource?: { uri: string; mimeType?: string; blob?: string; text?: string } };

/** A tool call's answer: its blocks, the first one's text (and JSON), the hint block when there is one. */
export type TCalled = { isError: boolean; blocks: Block[]; text: string; json: any; hint: string | undefined };

export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<TCalled> {
  const answer = (await client.callTool({ name, arguments: args })) as { content: Block[]; isError?: boolean };
  const blocks = answer.content;
  const first = blocks[0]?.text ?? "";
  let json: unknown;
  try {
    json = JSON.parse(first);
  } catch {
    json = undefined;
  }
  const last = blocks.length > 1 ? blocks[blocks.length - 1] : undefined;
  return { isError: answer.isError === true, blocks, text: first, json, hint: last?.type === "text" ? last.text : undefined };
}

/** A call that must succeed. */
export async function ok(client: Client, name: string, args: Record<string, unknown>): Promise<TCalled> {
  const called = await callTool(client, name, args);
  expect(called.isError, `${name}: ${called.text}`).toBe(false);
  return called;
}

/** A call that must fail as a tool error with Stowage's code, and no stack trace. */
export async function fails(client: Client, name: string, args: Record<string, unknown>, code: string): Promise<TCalled> {
  const called = await callTool(client, name, args);
  expect(called.isError, `${name} should fail with ${code}: ${called.text}`).toBe(true);
  expect(called.json?.error?.code, called.text).toBe(code);
  expect(typeof called.json.error.message).toBe("string");
  for (const block of called.blocks) expect(block.text ?? "").not.toMatch(/\n\s+at /);
  return called;
}

/** The numbered lines of an artifact_read answer, as [line, text]. */
export const numberedLines = (text: string): [number, string][] =>
  text === ""
    ? []
    : text.split("\n").map((l) => {
        const m = /^\s*(\d+)\t(.*)$/.exec(l);
        if (!m) throw new Error(`not a numbered line: ${JSON.stringify(l)}`);
        return [Number(m[1]), m[2]!];
      });
