import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Stowage } from "../../packages/client/src/index.ts";
import { StowageArtifactService } from "../../packages/client/src/adk/index.ts";
import { createAgent, uniq, type TClient } from "./api.ts";

// ADK's shared artifact-service behaviour (google/adk-js core/test/artifacts), in our words,
// against a real server; then what ADK leaves implicit: scopes, isolation, exact bytes, races.

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNiAAAABgDNjd8qAAAAAElFTkSuQmCC";
const ALL_BYTES = Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)).toString("base64");
/** 6 MiB of every byte value, past S3's 5 MiB multipart part size and any single read. */
const LARGE_BYTES = Buffer.from(Uint8Array.from({ length: 6 * 1024 * 1024 + 17 }, (_, i) => (i * 131 + (i >> 12)) % 256)).toString(
  "base64",
);

/** What a Part's inlineData is, comparable without printing megabytes of base64 on a failure. */
const digestOf = (part: { inlineData?: { data?: string; mimeType?: string } } | undefined) => ({
  mimeType: part?.inlineData?.mimeType,
  base64Chars: part?.inlineData?.data?.length,
  sha256: createHash("sha256")
    .update(Buffer.from(part?.inlineData?.data ?? "", "base64"))
    .digest("hex"),
});

/** The server the suite runs against: its URL and an admin client of it, asked in beforeAll. */
export type TAdkSuiteTarget = { baseUrl: string; admin?: TClient };

/**
 * Every StowageArtifactService case against the server `target()` names: the shared server
 * (filesystem) and a side server storing in S3 run the same cases.
 */
export function describeAdkArtifactService(label: string, target: () => TAdkSuiteTarget) {
  describe(label, () => {
    let service: StowageArtifactService;
    let agent: Awaited<ReturnType<typeof createAgent>>;
    /** A fresh appName per test, so tests never see each other's artifacts. */
    const scope = (sessionId = "s1") => ({ appName: uniq("app"), userId: "u1", sessionId });

    let baseUrl: string;

    beforeAll(async () => {
      const server = target();
      baseUrl = server.baseUrl;
      agent = await createAgent(uniq("adk"), {}, server.admin);
      service = new StowageArtifactService({ url: baseUrl, apiKey: agent.key, namespace: agent.namespace });
    });

    describe("saving and loading", () => {
      it("saves text as version 0 and loads it back as a text Part", async () => {
        const key = scope();
        expect(await service.saveArtifact({ ...key, filename: "notes.txt", artifact: { text: "hello world ✓" } })).toBe(0);
        expect(await service.loadArtifact({ ...key, filename: "notes.txt", version: 0 })).toEqual({ text: "hello world ✓" });
      });

      it("keeps inlineData bytes and mimeType exact, base64 in and out", async () => {
        const key = scope();
        await service.saveArtifact({ ...key, filename: "pixel.png", artifact: { inlineData: { data: PNG, mimeType: "image/png" } } });
        await service.saveArtifact({
          ...key,
          filename: "all.bin",
          artifact: { inlineData: { data: ALL_BYTES, mimeType: "application/x-raw" } },
        });
        expect(await service.loadArtifact({ ...key, filename: "pixel.png" })).toEqual({ inlineData: { data: PNG, mimeType: "image/png" } });
        expect(await service.loadArtifact({ ...key, filename: "all.bin" })).toEqual({
          inlineData: { data: ALL_BYTES, mimeType: "application/x-raw" },
        });
      });

      it("keeps a 6 MiB binary inlineData exact, as the latest version and as an older one", async () => {
        const key = scope();
        const large = { inlineData: { data: LARGE_BYTES, mimeType: "application/octet-stream" } };
        expect(await service.saveArtifact({ ...key, filename: "large.bin", artifact: large })).toBe(0);
        expect(await service.saveArtifact({ ...key, filename: "large.bin", artifact: { text: "later" } })).toBe(1);
        expect(digestOf(await service.loadArtifact({ ...key, filename: "large.bin", version: 0 }))).toEqual(digestOf(large));
        await service.saveArtifact({ ...key, filename: "large-latest.bin", artifact: large });
        expect(digestOf(await service.loadArtifact({ ...key, filename: "large-latest.bin" }))).toEqual(digestOf(large));
      });

      it("keeps a mimeType the server would normalize (parameters, octet-stream under a known extension)", async () => {
        const key = scope();
        const withCharset = { inlineData: { data: Buffer.from("a,b\n").toString("base64"), mimeType: "text/csv; charset=utf-8" } };
        const opaque = { inlineData: { data: PNG, mimeType: "application/octet-stream" } };
        await service.saveArtifact({ ...key, filename: "table.csv", artifact: withCharset });
        await service.saveArtifact({ ...key, filename: "opaque.png", artifact: opaque });
        expect(await service.loadArtifact({ ...key, filename: "table.csv" })).toEqual(withCharset);
        expect(await service.loadArtifact({ ...key, filename: "opaque.png" })).toEqual(opaque);
        expect((await service.getArtifactVersion({ ...key, filename: "opaque.png" }))?.mimeType).toBe("application/octet-stream");
      });

      it("tells a text Part from text/plain inlineData", async () => {
        const key = scope();
        const inline = { inlineData: { data: Buffer.from("plain").toString("base64"), mimeType: "text/plain" } };
        await service.saveArtifact({ ...key, filename: "a.txt", artifact: { text: "plain" } });
        await service.saveArtifact({ ...key, filename: "b.txt", artifact: inline });
        expect(await service.loadArtifact({ ...key, filename: "a.txt" })).toEqual({ text: "plain" });
        expect(await service.loadArtifact({ ...key, filename: "b.txt" })).toEqual(inline);
      });

      it("keeps fileData references, with or without a mimeType", async () => {
        const key = scope();
        await service.saveArtifact({
          ...key,
          filename: "report.pdf",
          artifact: { fileData: { fileUri: "gs://bucket/report.pdf", mimeType: "application/pdf" } },
        });
        await service.saveArtifact({ ...key, filename: "data.bin", artifact: { fileData: { fileUri: "https://example.com/data.bin" } } });
        expect(await service.loadArtifact({ ...key, filename: "report.pdf" })).toEqual({
          fileData: { fileUri: "gs://bucket/report.pdf", mimeType: "application/pdf" },
        });
        expect(await service.loadArtifact({ ...key, filename: "data.bin" })).toEqual({
          fileData: { fileUri: "https://example.com/data.bin" },
        });
        expect((await service.getArtifactVersion({ ...key, filename: "report.pdf" }))?.mimeType).toBe("application/pdf");
      });

      it("prefers inlineData, then text, over a stray fileData beside them", async () => {
        const key = scope();
        await service.saveArtifact({
          ...key,
          filename: "both.png",
          artifact: { inlineData: { data: PNG, mimeType: "image/png" }, fileData: {} },
        });
        await service.saveArtifact({
          ...key,
          filename: "both.txt",
          artifact: { text: "hello", fileData: { fileUri: "https://example.com/a.png", mimeType: "image/png" } },
        });
        expect(await service.loadArtifact({ ...key, filename: "both.png" })).toEqual({ inlineData: { data: PNG, mimeType: "image/png" } });
        expect(await service.loadArtifact({ ...key, filename: "both.txt" })).toEqual({ text: "hello" });
        expect((await service.getArtifactVersion({ ...key, filename: "both.txt" }))?.mimeType).toBe("text/plain");
      });

      it("refuses a Part without content, and customMetadata that would hide the Part's kind", async () => {
        const key = scope();
        await expect(service.saveArtifact({ ...key, filename: "x.txt", artifact: {} })).rejects.toThrow(
          "Artifact must have either inlineData or text",
        );
        await expect(
          service.saveArtifact({ ...key, filename: "x.txt", artifact: { text: "." }, customMetadata: { "adk:part": "mine" } }),
        ).rejects.toThrow(/adk:part/);
        expect(await service.listVersions({ ...key, filename: "x.txt" })).toEqual([]);
      });

      it("numbers versions from 0 and loads any of them, the latest when none is given", async () => {
        const key = scope();
        for (const text of ["v0", "v1", "v2"]) await service.saveArtifact({ ...key, filename: "history.md", artifact: { text } });
        expect(await service.loadArtifact({ ...key, filename: "history.md", version: 0 })).toEqual({ text: "v0" });
        expect(await service.loadArtifact({ ...key, filename: "history.md", version: 1 })).toEqual({ text: "v1" });
        expect(await service.loadArtifact({ ...key, filename: "history.md" })).toEqual({ text: "v2" });
        // ADK's own context code passes the key with an explicit undefined.
        expect(await service.loadArtifact({ ...key, filename: "history.md", version: undefined })).toEqual({ text: "v2" });
      });

      it("answers undefined for a missing artifact or version, [] for its versions", async () => {
        const key = scope();
        expect(await service.loadArtifact({ ...key, filename: "nothing.txt" })).toBeUndefined();
        expect(await service.getArtifactVersion({ ...key, filename: "nothing.txt" })).toBeUndefined();
        expect(await service.listVersions({ ...key, filename: "nothing.txt" })).toEqual([]);
        expect(await service.listArtifactVersions({ ...key, filename: "nothing.txt" })).toEqual([]);
        expect(await service.listArtifactKeys(key)).toEqual([]);
        await service.saveArtifact({ ...key, filename: "one.txt", artifact: { text: "." } });
        expect(await service.loadArtifact({ ...key, filename: "one.txt", version: 99 })).toBeUndefined();
        expect(await service.loadArtifact({ ...key, filename: "one.txt", version: -1 })).toBeUndefined();
        expect(await service.getArtifactVersion({ ...key, filename: "one.txt", version: 99 })).toBeUndefined();
      });
    });

    describe("versions and metadata", () => {
      it("lists versions in order with each one's customMetadata and mimeType", async () => {
        const key = scope();
        await service.saveArtifact({ ...key, filename: "m.json", artifact: { text: "1" }, customMetadata: { v: 1, tags: ["a"] } });
        await service.saveArtifact({
          ...key,
          filename: "m.json",
          artifact: { inlineData: { data: PNG, mimeType: "image/png" } },
          customMetadata: { v: 2, nested: { ok: true } },
        });
        await service.saveArtifact({ ...key, filename: "m.json", artifact: { text: "3" } });
        expect(await service.listVersions({ ...key, filename: "m.json" })).toEqual([0, 1, 2]);
        const versions = await service.listArtifactVersions({ ...key, filename: "m.json" });
        expect(versions.map(({ canonicalUri: _uri, ...v }) => v)).toEqual([
          { version: 0, mimeType: "text/plain", customMetadata: { v: 1, tags: ["a"] } },
          { version: 1, mimeType: "image/png", customMetadata: { v: 2, nested: { ok: true } } },
          { version: 2, mimeType: "text/plain" },
        ]);
        expect((await service.getArtifactVersion({ ...key, filename: "m.json", version: 1 }))?.customMetadata).toEqual({
          v: 2,
          nested: { ok: true },
        });
        expect((await service.getArtifactVersion({ ...key, filename: "m.json" }))?.version).toBe(2);
      });

      it("gives each version a canonicalUri that serves its bytes", async () => {
        const key = scope();
        await service.saveArtifact({ ...key, filename: "c.txt", artifact: { text: "first" } });
        await service.saveArtifact({ ...key, filename: "c.txt", artifact: { text: "second" } });
        const first = await service.getArtifactVersion({ ...key, filename: "c.txt", version: 0 });
        const res = await fetch(first!.canonicalUri!, { headers: { authorization: `Bearer ${agent.key}` } });
        expect(await res.text()).toBe("first");
      });
    });

    describe("names, scopes and isolation", () => {
      it("lists the session's names and the user's user: names, nested names included, sorted", async () => {
        const key = scope();
        for (const filename of ["session.txt", "nested/dir/session.txt", "user:user.txt", "user:deep/prefs.json"]) {
          await service.saveArtifact({ ...key, filename, artifact: { text: "." } });
        }
        await service.saveArtifact({ ...key, filename: "session.txt", artifact: { text: "again" } });
        expect(await service.listArtifactKeys(key)).toEqual([
          "nested/dir/session.txt",
          "session.txt",
          "user:deep/prefs.json",
          "user:user.txt",
        ]);
        expect(await service.loadArtifact({ ...key, filename: "nested/dir/session.txt" })).toEqual({ text: "." });
      });

      it("shares user: artifacts across the user's sessions and keeps the rest per session", async () => {
        const { appName, userId } = scope();
        const s1 = { appName, userId, sessionId: "s1" };
        const s2 = { appName, userId, sessionId: "s2" };
        await service.saveArtifact({ ...s1, filename: "user:profile.json", artifact: { text: "from s1" } });
        await service.saveArtifact({ ...s1, filename: "draft.txt", artifact: { text: "s1 only" } });
        expect(await service.saveArtifact({ ...s2, filename: "user:profile.json", artifact: { text: "from s2" } })).toBe(1);
        expect(await service.loadArtifact({ ...s1, filename: "user:profile.json" })).toEqual({ text: "from s2" });
        expect(await service.loadArtifact({ ...s2, filename: "user:profile.json", version: 0 })).toEqual({ text: "from s1" });
        expect(await service.loadArtifact({ ...s2, filename: "draft.txt" })).toBeUndefined();
        expect(await service.listArtifactKeys(s2)).toEqual(["user:profile.json"]);
        expect(await service.listArtifactKeys(s1)).toEqual(["draft.txt", "user:profile.json"]);
      });

      it("hides artifacts of another appName or userId, user: ones included", async () => {
        const key = scope();
        await service.saveArtifact({ ...key, filename: "secret.txt", artifact: { text: "mine" } });
        await service.saveArtifact({ ...key, filename: "user:secret.txt", artifact: { text: "mine" } });
        for (const other of [
          { ...key, appName: `${key.appName}-other` },
          { ...key, userId: "u2" },
        ]) {
          expect(await service.loadArtifact({ ...other, filename: "secret.txt" })).toBeUndefined();
          expect(await service.loadArtifact({ ...other, filename: "user:secret.txt" })).toBeUndefined();
          expect(await service.listArtifactKeys(other)).toEqual([]);
          expect(await service.listVersions({ ...other, filename: "user:secret.txt" })).toEqual([]);
          await service.deleteArtifact({ ...other, filename: "secret.txt" });
        }
        expect(await service.loadArtifact({ ...key, filename: "secret.txt" })).toEqual({ text: "mine" });
      });

      it("keeps ids apart that only a separator would tell apart", async () => {
        const app = uniq("app");
        const a = { appName: `${app}/x`, userId: "y", sessionId: "z" };
        const b = { appName: app, userId: "x/y", sessionId: "z" };
        const c = { appName: app, userId: "x", sessionId: "y/z" };
        const d = { appName: app, userId: "x%2Fy", sessionId: "z" };
        for (const [i, key] of [a, b, c, d].entries())
          await service.saveArtifact({ ...key, filename: "f.txt", artifact: { text: `key ${i}` } });
        for (const [i, key] of [a, b, c, d].entries()) {
          expect(await service.listVersions({ ...key, filename: "f.txt" })).toEqual([0]);
          expect(await service.loadArtifact({ ...key, filename: "f.txt" })).toEqual({ text: `key ${i}` });
        }
      });

      it("keeps canonically equivalent but different ids apart, and handles ids past Stowage's 255 bytes", async () => {
        const app = uniq("app");
        const composed = { appName: app, userId: "caf\u00e9", sessionId: "s" };
        const decomposed = { appName: app, userId: "cafe\u0301", sessionId: "s" };
        const long = { appName: app, userId: "u".repeat(200), sessionId: "s".repeat(200) };
        await service.saveArtifact({ ...composed, filename: "n.txt", artifact: { text: "composed" } });
        await service.saveArtifact({ ...decomposed, filename: "n.txt", artifact: { text: "decomposed" } });
        await service.saveArtifact({ ...long, filename: "n.txt", artifact: { text: "long" } });
        expect(await service.loadArtifact({ ...composed, filename: "n.txt" })).toEqual({ text: "composed" });
        expect(await service.loadArtifact({ ...decomposed, filename: "n.txt" })).toEqual({ text: "decomposed" });
        expect(await service.loadArtifact({ ...long, filename: "n.txt" })).toEqual({ text: "long" });
        expect(await service.listArtifactKeys(long)).toEqual(["n.txt"]);
      });

      it("stores an ADK artifact as a Stowage artifact in the session <appName>/<userId>/<sessionId>", async () => {
        const key = scope("chat-1");
        await service.saveArtifact({ ...key, filename: "plan.md", artifact: { text: "# plan" } });
        await service.saveArtifact({ ...key, filename: "user:prefs.json", artifact: { text: "{}" } });
        const stowage = new Stowage({ url: baseUrl, apiKey: agent.key });
        const session = await stowage.artifacts.lookup({
          namespace: agent.namespace,
          sessionId: `${key.appName}/u1/chat-1`,
          name: "plan.md",
        });
        expect(session.latest).toMatchObject({ version: 0, mimeType: "text/plain" });
        const user = await stowage.artifacts.lookup({
          namespace: agent.namespace,
          sessionId: `${key.appName}/u1`,
          name: "user:prefs.json",
        });
        expect(user.latestVersion).toBe(0);
      });

      it("uses the key's own namespace when none is given", async () => {
        const own = new StowageArtifactService({ url: baseUrl, apiKey: agent.key });
        expect(await own.namespace()).toBe(agent.namespace);
        const key = scope();
        await own.saveArtifact({ ...key, filename: "default.txt", artifact: { text: "ns" } });
        expect(await service.loadArtifact({ ...key, filename: "default.txt" })).toEqual({ text: "ns" });
      });
    });

    describe("deleting", () => {
      it("deletes every version, after which the name starts again at 0", async () => {
        const key = scope();
        await service.saveArtifact({ ...key, filename: "del.txt", artifact: { text: "a" } });
        await service.saveArtifact({ ...key, filename: "del.txt", artifact: { text: "b" } });
        await service.deleteArtifact({ ...key, filename: "del.txt" });
        expect(await service.loadArtifact({ ...key, filename: "del.txt" })).toBeUndefined();
        expect(await service.loadArtifact({ ...key, filename: "del.txt", version: 0 })).toBeUndefined();
        expect(await service.listVersions({ ...key, filename: "del.txt" })).toEqual([]);
        expect(await service.listArtifactKeys(key)).toEqual([]);
        expect(await service.saveArtifact({ ...key, filename: "del.txt", artifact: { text: "c" } })).toBe(0);
      });

      it("does nothing for a missing artifact", async () => {
        await expect(service.deleteArtifact({ ...scope(), filename: "never-saved" })).resolves.toBeUndefined();
      });
    });

    describe("parallel saves", () => {
      it("gives 20 parallel saves of one name the versions 0..19, once each, every one loadable", async () => {
        const key = scope();
        const payloads = Array.from({ length: 20 }, (_, i) => `payload ${i}`);
        const versions = await Promise.all(
          payloads.map((text) => service.saveArtifact({ ...key, filename: "race.txt", artifact: { text } })),
        );
        expect([...versions].sort((a, b) => a - b)).toEqual(payloads.map((_, i) => i));
        expect(await service.listVersions({ ...key, filename: "race.txt" })).toEqual(payloads.map((_, i) => i));
        for (const [i, version] of versions.entries()) {
          expect(await service.loadArtifact({ ...key, filename: "race.txt", version })).toEqual({ text: payloads[i] });
        }
      });

      it("keeps parallel saves of user: artifacts from different sessions apart as versions too", async () => {
        const { appName, userId } = scope();
        const versions = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            service.saveArtifact({ appName, userId, sessionId: `s${i}`, filename: "user:shared.txt", artifact: { text: `from s${i}` } }),
          ),
        );
        expect([...versions].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });
  });
}
