// The one client every server is measured with: Node's http module, a fresh connection per
// transfer, request bodies streamed from disk in 1 MiB chunks, responses counted and dropped.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import http from "node:http";
import { pipeline } from "node:stream/promises";
import { MiB } from "./common.ts";

export type TTransfer = { status: number; bytes: number; seconds: number; body: string; sha256?: string };

const TRANSFER_TIMEOUT_MS = 180_000;

/** Streams the first `size` bytes of `file` as the request body (with Content-Length). */
export function uploadFile(
  url: string,
  file: string,
  size: number,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<TTransfer> {
  return new Promise<TTransfer>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, {
      method,
      agent: false,
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(size), ...headers },
    });
    req.setTimeout(TRANSFER_TIMEOUT_MS, () => req.destroy(new Error(`upload to ${url} timed out`)));
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("end", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ status: res.statusCode ?? 0, bytes: size, seconds, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.once("error", reject);
    });
    req.once("error", reject);
    const source =
      size > 0 ? createReadStream(file, { start: 0, end: size - 1, highWaterMark: MiB }) : createReadStream(file, { start: 0, end: -1 });
    // A server that answers early (an error) may close the socket mid-body; the response decides.
    pipeline(source, req).catch(() => undefined);
  });
}

/** Downloads `url`, counting the bytes (and hashing them when asked: slower, so untimed checks only). */
export function download(url: string, headers: Record<string, string> = {}, options: { hash?: boolean } = {}): Promise<TTransfer> {
  return new Promise<TTransfer>((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent: false, headers });
    req.setTimeout(TRANSFER_TIMEOUT_MS, () => req.destroy(new Error(`download from ${url} timed out`)));
    req.once("response", (res) => {
      const hash = options.hash ? createHash("sha256") : undefined;
      let bytes = 0;
      const small: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        hash?.update(c);
        if (res.statusCode !== 200 && bytes < 64 * 1024) small.push(c);
      });
      res.once("end", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ status: res.statusCode ?? 0, bytes, seconds, body: Buffer.concat(small).toString("utf8"), sha256: hash?.digest("hex") });
      });
      res.once("error", reject);
    });
    req.once("error", reject);
  });
}

/** A request without a body (DELETE, HEAD…): the status and the response text. */
export function simpleRequest(
  method: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end();
  });
}

/** A keep-alive client for small JSON requests (one connection, as a typical API client). */
export function jsonClient(baseUrl: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; ms: number; body: unknown }>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.get(`${baseUrl}${path}`, { agent, headers });
      req.setTimeout(30_000, () => req.destroy(new Error(`GET ${path} timed out`)));
      req.once("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text for the error message
          }
          resolve({ status: res.statusCode ?? 0, ms, body });
        });
        res.once("error", reject);
      });
      req.once("error", reject);
    });
  return { get, close: () => agent.destroy() };
}

export const mbPerSecond = (bytes: number, seconds: number) => bytes / 1e6 / seconds;
