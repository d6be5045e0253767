import { beforeAll, describe, expect, inject, it } from "vitest";
import { Stowage, StowageError } from "../../packages/client/src/index.ts";
import { createAgent, uniq } from "../support/api.ts";

describe("the SDK's text, grep, diff and append", () => {
  let stowage: Stowage;
  let namespace: string;
  beforeAll(async () => {
    const agent = await createAgent(uniq("sdk-reads"));
    stowage = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    namespace = agent.namespace;
  });

  it("reads pages and tails, greps, diffs and appends", async () => {
    const sessionId = uniq("s");
    const { artifact } = await stowage.publish("a\nb\nc\n", { namespace, name: "notes.txt", sessionId, contentType: "text/plain" });
    const page = await stowage.artifacts.text(artifact.id, { limit: 2 });
    expect(page.lines).toEqual([
      { line: 1, text: "a" },
      { line: 2, text: "b" },
    ]);
    expect(page.nextOffset).toBe(3);
    expect((await stowage.artifacts.text(artifact.id, { tail: 1 })).lines).toEqual([{ line: 3, text: "c" }]);

    const appended = await stowage.artifacts.append(artifact.id, "D\n");
    expect(appended.version.version).toBe(1);
    expect((await stowage.artifacts.text(artifact.id, { offset: 4 })).lines).toEqual([{ line: 4, text: "D" }]);
    await stowage.artifacts.append(artifact.id, new TextEncoder().encode("e\n"));

    const found = await stowage.artifacts.grep(artifact.id, { pattern: "^d$", ignoreCase: true, context: 1 });
    expect(found.matches).toEqual([{ line: 4, text: "D", before: [{ line: 3, text: "c" }], after: [{ line: 5, text: "e" }] }]);
    expect((await stowage.artifacts.grep(artifact.id, { pattern: "D", version: 0 })).matches).toEqual([]);

    const session = await stowage.artifacts.grepSession({ namespace, sessionId, pattern: "e" });
    expect(session.matches.map((m) => [m.name, m.line])).toEqual([["notes.txt", 5]]);

    const diff = await stowage.artifacts.diff(artifact.id, { from: 0 });
    expect(diff).toMatchObject({ from: 0, to: 2, added: 2, removed: 0 });
    expect(diff.diff).toContain("+D\n+e\n");
  });

  it("raises StowageError with the server's codes", async () => {
    const { artifact } = await stowage.publish(Uint8Array.from([0, 1, 2]), { namespace, name: "bytes.bin" });
    const notText = await stowage.artifacts.text(artifact.id).catch((e: unknown) => e);
    expect(notText).toBeInstanceOf(StowageError);
    expect((notText as StowageError).code).toBe("ARTIFACT_NOT_TEXT");
    const { artifact: t } = await stowage.publish("x\n", { namespace, name: "t.txt" });
    const bad = await stowage.artifacts.grep(t.id, { pattern: "(?<=x)" }).catch((e: unknown) => e);
    expect((bad as StowageError).code).toBe("ARTIFACT_PATTERN_INVALID");
    expect((bad as StowageError).status).toBe(400);
  });
});
