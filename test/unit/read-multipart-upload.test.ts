import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StowageError } from "@/lib/errors";
import { readMultipartUpload, type TMultipartOptions } from "@/lib/http/read-multipart-upload";
import { removeAbandonedSpools, spoolDir } from "@/lib/http/upload-spool";

const BOUNDARY = "----unit-boundary";
const CT = `multipart/form-data; boundary=${BOUNDARY}`;
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const file = (bytes: string | Buffer) => Buffer.concat([Buffer.from(fileHead), Buffer.from(bytes), Buffer.from("\r\n")]);
const CLOSE = `--${BOUNDARY}--\r\n`;
const form = (...parts: (string | Buffer)[]) => Readable.from([Buffer.concat(parts.map((p) => Buffer.from(p)))]);
const sha256 = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function rejection(p: Promise<unknown>): Promise<StowageError> {
  const error = await p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StowageError);
  return error as StowageError;
}

describe("readMultipartUpload", () => {
  let dataDir: string;
  let options: TMultipartOptions;
  const spooled = () => readdir(spoolDir(dataDir)).catch(() => [] as string[]);

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "stowage-mp-"));
    options = { dataDir, maxBytes: 1000, canStream: (before) => "namespace" in before };
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it("streams a file sent after the namespace, and hands over fields sent after it", async () => {
    const upload = await readMultipartUpload(CT, form(field("namespace", "agent:a"), file("hello"), field("tags", "x,y"), CLOSE), options);
    expect(upload.kind).toBe("stream");
    if (upload.kind !== "stream") return;
    expect(upload.fields).toEqual({ namespace: "agent:a" });
    expect((await readAll(upload.body)).toString()).toBe("hello");
    expect(await upload.allFields).toEqual({ namespace: "agent:a", tags: "x,y" });
    expect(await spooled()).toEqual([]);
  });

  it("spools a file sent first and resolves once every field is known", async () => {
    const bytes = Buffer.alloc(900, 7);
    const upload = await readMultipartUpload(CT, form(file(bytes), field("namespace", "agent:a"), field("name", "n.bin"), CLOSE), options);
    expect(upload.kind).toBe("spooled");
    if (upload.kind !== "spooled") return;
    expect(upload.fields).toEqual({ namespace: "agent:a", name: "n.bin" });
    expect(upload.filename).toBe("a.bin");
    expect(upload.file).toMatchObject({ size: 900, sha256: sha256(bytes) });
    expect(await spooled()).toHaveLength(1);
    expect(await readAll(upload.file.read())).toEqual(bytes);
    await upload.file.remove();
    expect(await spooled()).toEqual([]);
  });

  it("refuses a spooled file past maxBytes with ARTIFACT_TOO_LARGE and stops reading", async () => {
    const source = new PassThrough();
    const pending = readMultipartUpload(CT, source, options);
    source.write(fileHead);
    source.write(Buffer.alloc(1001));
    // Never ended: the refusal must not wait for the rest.
    const error = await rejection(pending);
    expect(error.code).toBe("ARTIFACT_TOO_LARGE");
    expect(await spooled()).toEqual([]);
  });

  it("removes the spool when the form is malformed after the file", async () => {
    const error = await rejection(
      readMultipartUpload(CT, form(file("abc"), field("namespace", "agent:a"), field("colour", "red"), CLOSE), options),
    );
    expect(error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    expect(await spooled()).toEqual([]);
  });

  it("removes the spool when the form never closes", async () => {
    const error = await rejection(readMultipartUpload(CT, form(file("abc"), field("namespace", "agent:a")), options));
    expect(error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    expect(await spooled()).toEqual([]);
  });

  it("removes the spool when the request fails mid-file (a client disconnect)", async () => {
    const source = new PassThrough();
    const pending = readMultipartUpload(CT, source, options).catch((e: unknown) => e);
    source.write(fileHead);
    source.write(Buffer.alloc(500));
    await new Promise((r) => setTimeout(r, 50));
    expect(await spooled()).toHaveLength(1);
    source.destroy(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    expect(((await pending) as Error).message).toBe("aborted");
    expect(await spooled()).toEqual([]);
  });

  it("still refuses a field sent twice across the file", async () => {
    const upload = await readMultipartUpload(
      CT,
      form(field("namespace", "agent:a"), file("abc"), field("namespace", "agent:b"), CLOSE),
      options,
    );
    if (upload.kind !== "stream") throw new Error("expected a stream");
    await expect(readAll(upload.body)).rejects.toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", details: { field: "namespace" } });
  });
});

describe("removeAbandonedSpools", () => {
  it("removes this host's files of dead processes and old foreign files, and keeps the rest", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "stowage-spool-"));
    try {
      const dir = spoolDir(dataDir);
      const { mkdir } = await import("node:fs/promises");
      await mkdir(dir, { recursive: true });
      const host = os.hostname().replace(/[^A-Za-z0-9_-]/g, "_");
      const id = () => Math.random().toString(16).slice(2).padEnd(32, "0").slice(0, 32);
      const dead = `${host}.999999.${id()}`; // no such pid
      const own = `${host}.${process.pid}.${id()}`; // a predecessor with our pid (a restarted container)
      const alive = `${host}.${process.ppid}.${id()}`; // another live process here
      const foreignNew = `elsewhere.1.${id()}`;
      const foreignOld = `elsewhere.2.${id()}`;
      for (const name of [dead, own, alive, foreignNew, foreignOld]) await writeFile(path.join(dir, name), "x");
      const old = new Date(Date.now() - 25 * 3_600_000);
      await utimes(path.join(dir, foreignOld), old, old);
      expect(await removeAbandonedSpools(dataDir)).toBe(3);
      expect((await readdir(dir)).sort()).toEqual([alive, foreignNew].sort());
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
