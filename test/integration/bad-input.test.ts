import path from "node:path";
import { describe, expect, it, beforeAll, inject } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";
import { listFiles } from "../support/list-files.ts";
import { queryRows } from "../support/db-query.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;
type TResult = { status: number; body: any };

const MB = 1024 * 1024;
const MAX_BYTES = 5 * MB; // ARTIFACT_MAX_SIZE_MB=5 in global-setup.ts

const expectInvalid = (res: TResult, label: string, field?: string) => {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body, label).toEqual({ error: expect.objectContaining({ code: "ARTIFACT_VALIDATION_FAILED", message: expect.any(String) }) });
  if (field !== undefined) expect(res.body.error.field, label).toBe(field);
};

const BOUNDARY = "----stowage-bad-input";
type TPart = { name: string; value: string; filename?: string; type?: string };
/** A hand-built multipart body, so the tests control part order, names and framing. */
const multipartBody = (parts: TPart[], { close = true } = {}) =>
  parts
    .map((p) =>
      p.filename === undefined
        ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`
        : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? "text/plain"}\r\n\r\n${p.value}\r\n`,
    )
    .join("") + (close ? `--${BOUNDARY}--\r\n` : "");
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A body of `total` bytes that fetch must stream (chunked, no Content-Length). */
const streamOf = (total: number, chunk = 64 * 1024) => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      controller.enqueue(new Uint8Array(n).fill(120));
      sent += n;
    },
  });
};

describe("bad input", () => {
  let agent: TAgent;
  let ns: string;
  let seedId: string;
  const prefix = uniq("bad");

  /** Everything an invalid request could have changed in the agent's namespace. */
  const snapshot = async () => {
    const list = await agent.client.json(`/api/v1/artifacts?namespace=${ns}&limit=200`);
    expect(list.status).toBe(200);
    const usage = await agent.client.json(`/api/v1/namespaces/${ns}/usage`);
    expect(usage.status).toBe(200);
    const seedVersions = await agent.client.json(`/api/v1/artifacts/${seedId}/versions`);
    return {
      artifacts: list.body.artifacts.map((a: any) => ({
        id: a.id,
        name: a.name,
        latestVersion: a.latestVersion,
        tags: a.tags,
        expiresAt: a.expiresAt,
        updatedAt: a.updatedAt,
        sessionId: a.sessionId,
      })),
      usage: usage.body,
      seedVersions: seedVersions.body.versions.map((v: any) => [v.version, v.sha256]),
    };
  };

  beforeAll(async () => {
    agent = await createAgent();
    ns = agent.namespace;
    const seed = await agent.client.upload({ namespace: ns, name: `${prefix}/seed.txt`, tags: "orig" }, "seed bytes");
    expect(seed.status).toBe(201);
    seedId = seed.body.artifact.id;
    // So that run r1 and session s1 exist for the list-parameter checks on their views.
    const inRun = await agent.client.upload({ namespace: ns, name: `${prefix}/in-run.txt`, sessionId: "s1", runId: "r1" }, "run bytes");
    expect(inRun.status).toBe(201);
  });

  describe("JSON routes", () => {
    it("refuses bodies that are not valid JSON on PATCH, share and admin routes", async () => {
      const before = await snapshot();
      const ghost = uniq("ghost");
      const bodies = ["{", '{"tags": [}', "not json", '{"tags":["a"]', "\u0000", `{"name":"${ghost}"`, "{'name': 'x'}"];
      const routes: [string, string][] = [
        ["PATCH", `/api/v1/artifacts/${seedId}`],
        ["POST", `/api/v1/artifacts/${seedId}/share`],
        ["POST", "/api/v1/identities"],
        ["POST", `/api/v1/identities/${agent.name}/keys`],
        ["POST", "/api/v1/groups"],
        ["POST", `/api/v1/groups/${ghost}/members`],
        ["POST", "/api/v1/namespaces"],
        ["POST", `/api/v1/namespaces/${ns}/grants`],
      ];
      for (const [method, route] of routes) {
        for (const body of bodies) {
          const res = await adminApi().json(route, { method, body, headers: { "content-type": "application/json" } });
          expectInvalid(res, `${method} ${route} ${JSON.stringify(body)}`);
        }
      }
      expect(await snapshot()).toEqual(before);
      const identities = await adminApi().json("/api/v1/identities");
      expect(identities.body.identities.map((i: any) => i.name)).not.toContain(ghost);
      const groups = await adminApi().json("/api/v1/groups");
      expect(groups.body.groups.map((g: any) => g.name)).not.toContain(ghost);
      expect((await adminApi().json(`/api/v1/identities/${agent.name}/keys`)).body.keys).toHaveLength(1);
      expect((await adminApi().json(`/api/v1/namespaces/${ns}/grants`)).body.grants).toEqual([]);
    });

    it("refuses JSON sent with another Content-Type", async () => {
      const before = await snapshot();
      const ghost = uniq("ghost");
      const cases: [string, string, string][] = [
        ["PATCH", `/api/v1/artifacts/${seedId}`, JSON.stringify({ tags: ["changed"] })],
        ["POST", `/api/v1/artifacts/${seedId}/share`, JSON.stringify({ expiresIn: 120 })],
        ["POST", "/api/v1/identities", JSON.stringify({ name: ghost })],
        ["POST", "/api/v1/groups", JSON.stringify({ name: ghost })],
        ["POST", "/api/v1/namespaces", JSON.stringify({ name: `team:${ghost}` })],
        ["POST", `/api/v1/namespaces/${ns}/grants`, JSON.stringify({ identity: "admin", permission: "read" })],
      ];
      for (const [method, route, body] of cases) {
        for (const type of [
          "text/plain",
          "text/plain; charset=utf-8",
          "application/x-www-form-urlencoded",
          "application/octet-stream",
          MULTIPART,
        ]) {
          const res = await adminApi().json(route, { method, body, headers: { "content-type": type } });
          expectInvalid(res, `${method} ${route} as ${type}`);
        }
      }
      // fetch labels a string body text/plain by itself.
      expectInvalid(
        await agent.client.json(`/api/v1/artifacts/${seedId}`, { method: "PATCH", body: JSON.stringify({ tags: ["changed"] }) }),
        "PATCH without a type",
      );
      expect(await snapshot()).toEqual(before);
      expect((await adminApi().json("/api/v1/identities")).body.identities.map((i: any) => i.name)).not.toContain(ghost);
      expect((await adminApi().json("/api/v1/namespaces")).body.namespaces.map((n: any) => n.name)).not.toContain(`team:${ghost}`);
    });

    it("refuses unknown fields and wrong shapes on PATCH, leaving the artifact as it was", async () => {
      const before = await snapshot();
      const tooManyTags = Array.from({ length: 51 }, (_, i) => `t${i}`);
      const bodies: [unknown, string?][] = [
        [{ foo: 1 }],
        [{ tags: ["fine"], foo: 1 }],
        [{ tags: "fine" }, "tags"],
        [{ tags: [1] }, "tags.0"],
        [{ tags: ["has space"] }, "tags"],
        [{ tags: [""] }, "tags"],
        [{ tags: ["-leading"] }, "tags"],
        [{ tags: tooManyTags }, "tags"],
        [{ tags: null }, "tags"],
        [{ expiresAt: "2000-01-01T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: "tomorrow" }, "expiresAt"],
        [{ expiresAt: "2030-01-01" }, "expiresAt"],
        [{ expiresAt: "2030-01-01T00:00:00" }, "expiresAt"],
        [{ expiresAt: "2030-02-30T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: "2030-04-31T12:00:00+02:00" }, "expiresAt"],
        [{ expiresAt: "2030-13-01T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: 1893456000 }, "expiresAt"],
        [{ tags: ["fine"], expiresAt: "2000-01-01T00:00:00Z" }, "expiresAt"],
        [null],
        [[]],
        ["tags"],
      ];
      for (const [json, field] of bodies) {
        const res = await agent.client.json(`/api/v1/artifacts/${seedId}`, { method: "PATCH", json });
        expectInvalid(res, JSON.stringify(json), field);
      }
      expect(await snapshot()).toEqual(before);
      // The same route accepts a good patch, so the refusals above are about the input.
      const leapDay = await agent.client.json(`/api/v1/artifacts/${seedId}`, {
        method: "PATCH",
        json: { tags: ["orig"], expiresAt: "2028-02-29T12:00:00Z" },
      });
      expect(leapDay.status, JSON.stringify(leapDay.body)).toBe(200);
      expect(leapDay.body.artifact.expiresAt).toBe("2028-02-29T12:00:00.000Z");
      const cleared = await agent.client.json(`/api/v1/artifacts/${seedId}`, { method: "PATCH", json: { expiresAt: null } });
      expect(cleared.body.artifact.expiresAt).toBeNull();
    });

    it("refuses bad share requests and a version that does not exist", async () => {
      const bodies: [unknown, string?][] = [
        [{ foo: 1 }],
        [{ expiresIn: 10 }, "expiresIn"],
        [{ expiresIn: 59 }, "expiresIn"],
        [{ expiresIn: 999_999_999 }, "expiresIn"],
        [{ expiresIn: 120.5 }, "expiresIn"],
        [{ expiresIn: "120" }, "expiresIn"],
        [{ version: -1 }, "version"],
        [{ version: "0" }, "version"],
        [{ version: 0.5 }, "version"],
        [{ version: 99_999_999_999 }, "version"],
        [[]],
      ];
      for (const [json, field] of bodies) {
        expectInvalid(await agent.client.json(`/api/v1/artifacts/${seedId}/share`, { method: "POST", json }), JSON.stringify(json), field);
      }
      const missing = await agent.client.json(`/api/v1/artifacts/${seedId}/share`, { method: "POST", json: { version: 7 } });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("ARTIFACT_NOT_FOUND");
    });
  });

  describe("uploads", () => {
    /** Uploads that must fail leave no artifact under their name and nothing else changed. */
    const expectNothingStored = async (before: Awaited<ReturnType<typeof snapshot>>, names: string[] = []) => {
      expect(await snapshot()).toEqual(before);
      for (const name of names) {
        const res = await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name })}`);
        expect(res.body.artifacts, name).toEqual([]);
      }
    };

    it("refuses bad artifact names in raw and multipart uploads", async () => {
      const before = await snapshot();
      const bad = [
        "",
        "a//b",
        "a/",
        "/a",
        "/",
        ".",
        "..",
        "./a",
        "a/./b",
        "a/../b",
        "../a",
        "a/..",
        "a\\b",
        "\\a",
        "a\u0000b",
        "\u0000",
        "a\u0001b",
        "a\nb",
        "a\rb",
        "a\tb",
        "a\u001fb",
        "a\u007fb",
        "a\u0085b",
        "x".repeat(256),
        `ok/${"é".repeat(128)}`,
        Array.from({ length: 5 }, () => "y".repeat(250)).join("/"),
        Array.from({ length: 6 }, () => "é".repeat(100)).join("/"),
        "z".repeat(5000),
      ];
      for (const name of bad) {
        const label = JSON.stringify(name.length > 40 ? `${name.slice(0, 20)}…(${Buffer.byteLength(name)} bytes)` : name);
        expectInvalid(await agent.client.upload({ namespace: ns, name }, "x"), `raw ${label}`, "name");
      }
      for (const name of ["a//b", "../a", "a\\b", "a\u0001b", "x".repeat(256)]) {
        const form = new FormData();
        form.set("namespace", ns);
        form.set("name", name);
        form.set("file", new Blob(["x"]), "file.txt");
        expectInvalid(
          await agent.client.json("/api/v1/artifacts", { method: "POST", body: form }),
          `multipart ${JSON.stringify(name.slice(0, 20))}`,
          "name",
        );
      }
      await expectNothingStored(before);

      // The limits are bytes, and inclusive: a 255-byte segment and a 1024-byte name are fine.
      const segment255 = `${"é".repeat(127)}x`;
      expect(Buffer.byteLength(segment255)).toBe(255);
      const name1024 = [segment255, segment255, segment255, "a".repeat(254), "b"].join("/");
      expect(Buffer.byteLength(name1024)).toBe(1024);
      for (const name of [`${prefix}/${segment255}`, name1024]) {
        const ok = await agent.client.upload({ namespace: ns, name }, "fits");
        expect(ok.status, JSON.stringify(ok.body)).toBe(201);
        expect(ok.body.artifact.name).toBe(name);
      }
      // A form's empty name input means the file's own name, as if it were left out.
      const form = new FormData();
      form.set("namespace", ns);
      form.set("name", "");
      form.set("file", new Blob(["x"]), `${uniq("empty-name")}.txt`);
      const named = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
      expect(named.status, JSON.stringify(named.body)).toBe(201);
      expect(named.body.artifact.name).toMatch(/^empty-name-.*\.txt$/);
    });

    it("refuses a missing, empty or malformed namespace", async () => {
      const before = await snapshot();
      const name = `${prefix}/${uniq("ns")}.txt`;
      expectInvalid(await agent.client.upload({ name }, "x"), "missing", "namespace");
      expectInvalid(await agent.client.upload({ namespace: "", name }, "x"), "empty", "namespace");
      const form = new FormData();
      form.set("file", new Blob(["x"]), "x.txt");
      expectInvalid(await agent.client.json("/api/v1/artifacts", { method: "POST", body: form }), "multipart missing", "namespace");
      const malformed = [
        ns.toUpperCase(),
        "agent",
        "agent:",
        ":x",
        `${ns}/x`,
        `${ns} `,
        `agent:${agent.name}:x`,
        "agent:-x",
        `agent: ${agent.name}`,
        "ägent:x",
        "a".repeat(40) + ":x",
      ];
      for (const namespace of malformed) {
        expectInvalid(await agent.client.upload({ namespace, name }, "x"), `upload ${JSON.stringify(namespace)}`, "namespace");
        expectInvalid(
          await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace })}`),
          `list ${JSON.stringify(namespace)}`,
          "namespace",
        );
      }
      for (const path of [`/api/v1/runs/r1/artifacts`, `/api/v1/sessions/s1/artifacts`]) {
        expectInvalid(await agent.client.json(path), `${path} without namespace`, "namespace");
        expectInvalid(await agent.client.json(`${path}?namespace=Agent:x`), `${path} malformed`, "namespace");
      }
      await expectNothingStored(before, [name]);
    });

    it("refuses bad tags, metadata, expiresAt, session and run ids, and unknown fields", async () => {
      const before = await snapshot();
      const name = `${prefix}/${uniq("fields")}.txt`;
      const cases: [Record<string, string>, string | undefined][] = [
        [{ tags: "[bad" }, "tags"],
        [{ tags: '{"a":1}' }, "tags"],
        [{ tags: "[1,2]" }, "tags"],
        [{ tags: '["ok", 5]' }, "tags"],
        [{ tags: '["ok"' }, "tags"],
        [{ tags: "a,,b" }, "tags"],
        [{ tags: "has space" }, "tags"],
        [{ tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(",") }, "tags"],
        [{ metadata: "{bad" }, "metadata"],
        [{ metadata: "[1]" }, "metadata"],
        [{ metadata: '"text"' }, "metadata"],
        [{ metadata: "null" }, "metadata"],
        [{ metadata: "42" }, "metadata"],
        [{ metadata: '{"":1}' }, "metadata"],
        [{ expiresAt: "2000-01-01T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: new Date(Date.now() - 1000).toISOString() }, "expiresAt"],
        [{ expiresAt: "tomorrow" }, "expiresAt"],
        [{ expiresAt: "2030-01-01" }, "expiresAt"],
        [{ expiresAt: "2030-01-01T00:00:00" }, "expiresAt"],
        [{ expiresAt: "2030-02-30T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: "2030-13-01T00:00:00Z" }, "expiresAt"],
        [{ expiresAt: "1893456000" }, "expiresAt"],
        [{ sessionId: "" }, "sessionId"],
        [{ sessionId: "s\u0000" }, "sessionId"],
        [{ runId: "r".repeat(256) }, "runId"],
        [{ runId: "" }, "runId"],
        [{ foo: "1" }, undefined],
        [{ Namespace: ns }, undefined],
      ];
      for (const [fields, field] of cases) {
        const res = await agent.client.upload({ namespace: ns, name, ...fields }, "x");
        expectInvalid(res, `raw ${JSON.stringify(fields).slice(0, 80)}`, field);
      }
      // Over 16 KiB of metadata does not fit in a URL (Node caps the request head at 16 KiB): form only.
      const formOnly: typeof cases = [[{ metadata: JSON.stringify({ big: "m".repeat(17 * 1024) }) }, "metadata"]];
      for (const [fields, field] of [...cases.filter(([f]) => !("foo" in f) && !("Namespace" in f)), ...formOnly]) {
        const form = new FormData();
        form.set("namespace", ns);
        form.set("name", name);
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        form.set("file", new Blob(["x"]), "x.txt");
        expectInvalid(
          await agent.client.json("/api/v1/artifacts", { method: "POST", body: form }),
          `multipart ${JSON.stringify(fields).slice(0, 80)}`,
          field,
        );
      }
      // A direct upload's start runs the same rules on its JSON fields, which may also be values.
      const jsonOnly: [Record<string, unknown>, string][] = [
        [{ tags: [1, 2] }, "tags"],
        [{ tags: { a: 1 } }, "tags"],
        [{ metadata: 42 }, "metadata"],
        [{ metadata: ["a"] }, "metadata"],
        [{ derivedFrom: "[bad" }, "derivedFrom"],
        [{ derivedFrom: [{ artifactId: "../x", version: 0 }] }, "derivedFrom"],
        [{ tool: "" }, "tool"],
      ];
      for (const [fields, field] of [...cases, ...formOnly, ...jsonOnly]) {
        const res = await agent.client.json("/api/v1/uploads", { method: "POST", json: { namespace: ns, name, size: 10, ...fields } });
        expectInvalid(res, `direct upload ${JSON.stringify(fields).slice(0, 80)}`, field);
      }
      // A parameter given twice, or in both the query string and the form, is ambiguous.
      const twice = await agent.client.request(`/api/v1/artifacts?namespace=${ns}&name=${encodeURIComponent(name)}&name=other`, {
        method: "POST",
        body: "x",
      });
      expectInvalid({ status: twice.status, body: await twice.json() }, "repeated query parameter", "name");
      const form = new FormData();
      form.set("name", name);
      form.set("file", new Blob(["x"]), "x.txt");
      const both = await agent.client.json(`/api/v1/artifacts?namespace=${ns}&name=${encodeURIComponent(name)}`, {
        method: "POST",
        body: form,
      });
      expectInvalid(both, "query and form", "name");
      await expectNothingStored(before, [name]);
    });

    it("refuses bad preconditions and Idempotency-Keys without publishing", async () => {
      const before = await snapshot();
      const seedName = `${prefix}/seed.txt`;
      const fresh = `${prefix}/${uniq("pre")}.txt`;
      const headerCases: [Record<string, string>, string][] = [
        [{ "if-none-match": "abc" }, "If-None-Match"],
        [{ "if-none-match": '"abc"' }, "If-None-Match"],
        [{ "if-none-match": "*, abc" }, "If-None-Match"],
        [{ "if-none-match": "0" }, "If-None-Match"],
        [{ "if-none-match": "" }, "If-None-Match"],
        [{ "if-match": "abc" }, "If-Match"],
        [{ "if-match": "-1" }, "If-Match"],
        [{ "if-match": "1.5" }, "If-Match"],
        [{ "if-match": "99999999999" }, "If-Match"],
        [{ "if-match": "0", "if-none-match": "*" }, "If-Match"],
        [{ "idempotency-key": "has space" }, "Idempotency-Key"],
        [{ "idempotency-key": "k".repeat(256) }, "Idempotency-Key"],
        [{ "idempotency-key": "" }, "Idempotency-Key"],
        [{ "idempotency-key": "caf\u00e9" }, "Idempotency-Key"],
      ];
      for (const name of [seedName, fresh]) {
        for (const [headers, field] of headerCases) {
          const res = await agent.client.upload({ namespace: ns, name }, "new bytes", { headers });
          expectInvalid(res, `${name} ${JSON.stringify(headers)}`, field);
        }
      }
      await expectNothingStored(before, [fresh]);
    });

    it("refuses malformed multipart bodies and stores nothing", async () => {
      const before = await snapshot();
      const name = `${prefix}/${uniq("mp")}.txt`;
      const nsPart = { name: "namespace", value: ns };
      const namePart = { name: "name", value: name };
      const file = (partName = "file") => ({ name: partName, value: "file bytes", filename: "f.txt" });
      const cases: [string, string, string][] = [
        ["no file part", MULTIPART, multipartBody([nsPart, namePart])],
        ["a file part named otherwise", MULTIPART, multipartBody([nsPart, namePart, file("upload")])],
        ["a field twice, once after the file", MULTIPART, multipartBody([nsPart, namePart, file(), namePart])],
        ["an unknown field after a spooled file", MULTIPART, multipartBody([file(), nsPart, namePart, { name: "colour", value: "red" }])],
        ["two files", MULTIPART, multipartBody([nsPart, namePart, file(), file()])],
        ["an unknown field", MULTIPART, multipartBody([nsPart, namePart, { name: "colour", value: "red" }, file()])],
        ["a field twice", MULTIPART, multipartBody([nsPart, namePart, namePart, file()])],
        ["no closing boundary", MULTIPART, multipartBody([nsPart, namePart, file()], { close: false })],
        [
          "a truncated file part",
          MULTIPART,
          multipartBody([nsPart, namePart]).replace(/--\r\n$/, "") +
            `\r\nContent-Disposition: form-data; name="file"; filename="f.txt"\r\n\r\nfile by`,
        ],
        ["no boundary parameter", "multipart/form-data", multipartBody([nsPart, namePart, file()])],
        ["another boundary than the body's", "multipart/form-data; boundary=something-else", multipartBody([nsPart, namePart, file()])],
        ["garbage", MULTIPART, "this is not multipart at all"],
        ["an empty body", MULTIPART, ""],
      ];
      for (const [label, type, body] of cases) {
        const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body, headers: { "content-type": type } });
        expectInvalid(res, label);
        // A small refused body is read to its end, so the connection survives: a client still
        // sending is not cut off (EPIPE) before it can read the answer.
        expect(res.headers.get("connection"), label).not.toBe("close");
      }
      // The same framing with the parts in order does publish.
      const okName = `${prefix}/${uniq("mp-ok")}.txt`;
      const ok = await agent.client.json("/api/v1/artifacts", {
        method: "POST",
        body: multipartBody([nsPart, { name: "name", value: okName }, file()]),
        headers: { "content-type": MULTIPART },
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      const after = await snapshot();
      expect(after.artifacts.filter((a: any) => a.name !== okName)).toEqual(before.artifacts);
      for (const n of [name, "f.txt"]) {
        expect((await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name: n })}`)).body.artifacts, n).toEqual(
          [],
        );
      }
    });
  });

  describe("reads", () => {
    it("refuses malformed version numbers and answers 404 for a version that does not exist", async () => {
      const before = await snapshot();
      const badVersions = ["-1", "99999999999", "2147483648", "abc", "1.5", "0x1", "1e3", " 1", "+1", ""];
      for (const v of badVersions) {
        const label = JSON.stringify(v);
        const content = await agent.client.request(`/api/v1/artifacts/${seedId}/content?version=${encodeURIComponent(v)}`);
        expectInvalid({ status: content.status, body: await content.json() }, `content ${label}`, "version");
        if (v.trim() === "") continue; // an empty path segment is another route
        for (const method of ["GET", "DELETE"]) {
          const res = await agent.client.json(`/api/v1/artifacts/${seedId}/versions/${encodeURIComponent(v)}`, { method });
          expectInvalid(res, `${method} versions/${label}`, "version");
        }
      }
      for (const [method, path] of [
        ["GET", `/api/v1/artifacts/${seedId}/content?version=7`],
        ["HEAD", `/api/v1/artifacts/${seedId}/content?version=7`],
        ["GET", `/api/v1/artifacts/${seedId}/versions/7`],
        ["DELETE", `/api/v1/artifacts/${seedId}/versions/7`],
        ["GET", `/api/v1/artifacts/${seedId}/versions/2147483647`],
      ] as const) {
        const res = await agent.client.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        if (method !== "HEAD") expect((await res.json()).error.code).toBe("ARTIFACT_NOT_FOUND");
      }
      expect(await snapshot()).toEqual(before);
    });

    it("refuses malformed cursors, out-of-range limits and unknown query parameters", async () => {
      const cursorOf = (k: unknown) => Buffer.from(JSON.stringify({ k })).toString("base64url");
      const lists = [
        `/api/v1/artifacts?namespace=${ns}&`,
        `/api/v1/artifacts/${seedId}/versions?`,
        `/api/v1/runs/r1/artifacts?namespace=${ns}&`,
        `/api/v1/sessions/s1/artifacts?namespace=${ns}&`,
      ];
      const badLimits = ["0", "1000", "201", "-1", "abc", "1.5", "", "99999999999"];
      const badCursors = [
        "!!!",
        "abc",
        Buffer.from("not json").toString("base64url"),
        Buffer.from("null").toString("base64url"),
        cursorOf({}),
        "a".repeat(201),
        "a b",
      ];
      for (const list of lists) {
        for (const limit of badLimits)
          expectInvalid(await agent.client.json(`${list}limit=${encodeURIComponent(limit)}`), `${list} limit=${limit}`, "limit");
        for (const cursor of badCursors)
          expectInvalid(await agent.client.json(`${list}cursor=${encodeURIComponent(cursor)}`), `${list} cursor=${cursor}`, "cursor");
        expectInvalid(await agent.client.json(`${list}foo=1`), `${list} foo=1`);
        expectInvalid(await agent.client.json(`${list}limit=5&limit=6`), `${list} repeated limit`, "limit");
      }
      // A cursor of the wrong kind for the list it is given to.
      expectInvalid(await agent.client.json(`/api/v1/artifacts?cursor=${cursorOf(5)}`), "number cursor on artifacts", "cursor");
      expectInvalid(
        await agent.client.json(`/api/v1/artifacts/${seedId}/versions?cursor=${cursorOf("x")}`),
        "string cursor on versions",
        "cursor",
      );
      for (const query of [
        "Namespace=x",
        "names=x",
        "metadata=x",
        "metadata.=x",
        "tag=",
        "name=",
        "sessionId=",
        "tag=a&tag=b",
        "offset=10",
        "sort=name",
      ]) {
        expectInvalid(await agent.client.json(`/api/v1/artifacts?${query}`), query);
      }
      for (const query of ["foo=1", "version=0&version=0", "download=yes", "download=true"]) {
        const res = await agent.client.request(`/api/v1/artifacts/${seedId}/content?${query}`);
        expectInvalid({ status: res.status, body: await res.json() }, `content ${query}`);
      }
      // The bounds themselves are accepted.
      for (const limit of ["1", "200"])
        expect((await agent.client.json(`/api/v1/artifacts?namespace=${ns}&limit=${limit}`)).status).toBe(200);
    });
  });

  describe("size limit", () => {
    const blobsRoot = () => path.join(inject("dataDir"), "blobs");
    let namespaceId: string;

    beforeAll(async () => {
      const me = await agent.client.json("/api/v1/me");
      namespaceId = me.body.namespaces.find((n: { name: string }) => n.name === ns).id;
      expect(namespaceId).toEqual(expect.any(String));
    });

    /**
     * Nothing the refused upload could have written is left. Files in this agent's namespace
     * directory must be exactly as before. Other test files may be uploading into their own
     * namespaces meanwhile, so a new file elsewhere must belong to a committed version, and the
     * temp directory must be (or, while their uploads finish, become) empty: a leaked temp file
     * never goes away.
     */
    async function expectNoNewBlobs(before: string[]) {
      const root = blobsRoot();
      const mine = (files: string[]) => files.filter((f) => f.startsWith(`v1/${namespaceId}/`));
      expect(mine(await listFiles(root))).toEqual(mine(before));
      const known = new Set(before);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const after = await listFiles(root);
        const added = after.filter((f) => !known.has(f));
        const temp = after.filter((f) => f.startsWith(".tmp/"));
        const others = added.filter((f) => !f.startsWith(".tmp/"));
        const committed = others.length
          ? new Set((await queryRows<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion"`)).map((r) => r.storageKey))
          : new Set<string>();
        const unexplained = others.filter((f) => !committed.has(f));
        if ((temp.length === 0 && unexplained.length === 0) || Date.now() > deadline) {
          expect(temp, "files left in .tmp").toEqual([]);
          expect(unexplained, "blobs without a version").toEqual([]);
          expect(mine(after)).toEqual(mine(before));
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    async function expectNoVersion(name: string, before: Awaited<ReturnType<typeof snapshot>>) {
      expect(await snapshot()).toEqual(before);
      const listed = await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name })}`);
      expect(listed.body.artifacts).toEqual([]);
      const rows = await queryRows(
        `SELECT a."id" FROM "Artifact" a WHERE a."name" = $1 UNION ALL SELECT v."id" FROM "ArtifactVersion" v JOIN "Artifact" a2 ON a2."id" = v."artifactId" WHERE a2."name" = $2`,
        [name, name],
      );
      expect(rows).toEqual([]);
    }

    const expectTooLarge = async (res: Response, label: string) => {
      expect(res.status, label).toBe(413);
      const body = await res.json();
      expect(body, label).toEqual({
        error: expect.objectContaining({ code: "ARTIFACT_TOO_LARGE", message: expect.any(String), maxBytes: MAX_BYTES }),
      });
    };

    it("accepts an upload of exactly the maximum size", async () => {
      const name = `${prefix}/${uniq("exact")}.bin`;
      const res = await agent.client.upload({ namespace: ns, name }, new Uint8Array(MAX_BYTES).fill(1), {
        contentType: "application/octet-stream",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.version.sizeBytes).toBe(MAX_BYTES);
    });

    it("answers 413 when Content-Length declares too much, and stores nothing", async () => {
      const name = `${prefix}/${uniq("declared")}.bin`;
      const before = await snapshot();
      const files = await listFiles(blobsRoot());
      const res = await agent.client.request(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name })}`, {
        method: "POST",
        body: new Uint8Array(MAX_BYTES + 1),
        headers: { "content-type": "application/octet-stream" },
      });
      await expectTooLarge(res, "declared");
      await expectNoNewBlobs(files);
      await expectNoVersion(name, before);
    });

    it("answers 413 while streaming a raw body without Content-Length, and stores nothing", async () => {
      const name = `${prefix}/${uniq("streamed")}.bin`;
      const before = await snapshot();
      const files = await listFiles(blobsRoot());
      const res = await agent.client.request(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name })}`, {
        method: "POST",
        body: streamOf(MAX_BYTES + 2 * MB),
        headers: { "content-type": "application/octet-stream" },
      });
      await expectTooLarge(res, "streamed");
      // The small rest of the body was drained rather than the connection dropped, which
      // clients still sending see as EPIPE instead of this answer.
      expect(res.headers.get("connection")).toBe("keep-alive");
      await expectNoNewBlobs(files);
      await expectNoVersion(name, before);
    });

    it("answers 413 for a multipart file over the limit, and stores nothing", async () => {
      const name = `${prefix}/${uniq("multipart")}.bin`;
      const before = await snapshot();
      const files = await listFiles(blobsRoot());
      const form = new FormData();
      form.set("namespace", ns);
      form.set("name", name);
      form.set("file", new Blob([new Uint8Array(MAX_BYTES + 1)]), "big.bin");
      const res = await agent.client.request("/api/v1/artifacts", { method: "POST", body: form });
      await expectTooLarge(res, "multipart");
      await expectNoNewBlobs(files);
      await expectNoVersion(name, before);
    });

    it("answers 413 for a streamed multipart file over the limit, and stores nothing", async () => {
      const name = `${prefix}/${uniq("mpstream")}.bin`;
      const before = await snapshot();
      const files = await listFiles(blobsRoot());
      const head = new TextEncoder().encode(
        multipartBody([
          { name: "namespace", value: ns },
          { name: "name", value: name },
        ]).replace(/--\r\n$/, "") +
          `\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);
      const file = streamOf(MAX_BYTES + MB).getReader();
      let stage = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (stage === 0) {
            stage = 1;
            return controller.enqueue(head);
          }
          if (stage === 1) {
            const { done, value } = await file.read();
            if (!done) return controller.enqueue(value);
            stage = 2;
            return controller.enqueue(tail);
          }
          controller.close();
        },
      });
      const res = await agent.client.request("/api/v1/artifacts", { method: "POST", body, headers: { "content-type": MULTIPART } });
      await expectTooLarge(res, "streamed multipart");
      await expectNoNewBlobs(files);
      await expectNoVersion(name, before);
    });
  });
});
