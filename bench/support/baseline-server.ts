// The throughput baseline: the least a Node HTTP server can do to store and serve bytes.
//   PUT|POST /files/<name>[?sha256=1][&fsync=1]
//                                     pipes the request body into <dir>/<name> → 201 {"size":n}.
//                                     sha256=1 also hashes every chunk as it is read (a second
//                                     'data' listener, no extra stream) and answers {"size","sha256"};
//                                     fsync=1 fsyncs the file before answering. Both together are
//                                     the least a durable, integrity-checked store has to do.
//   GET /files/<name>                 serves the file with createReadStream (1 MiB chunks)
//   DELETE /files/<name>              removes it → 204
// Run as a child process: `node --import ./scripts/register-hooks.mjs bench/support/baseline-server.ts <dir>`;
// prints "LISTENING <port>" once it accepts connections on 127.0.0.1.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const IO_CHUNK = 1024 * 1024;
const dir = process.argv[2];
if (!dir) throw new Error("usage: baseline-server.ts <dir>");

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const match = /^\/files\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
  if (!match) return void res.writeHead(404).end();
  const file = path.join(dir, match[1]!);
  const fail = (error: unknown) => {
    console.error("baseline:", error);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  };
  if (req.method === "PUT" || req.method === "POST") {
    (async () => {
      const out = createWriteStream(file, { highWaterMark: IO_CHUNK });
      const hash = url.searchParams.get("sha256") === "1" ? createHash("sha256") : undefined;
      if (hash) req.on("data", (chunk: Buffer) => hash.update(chunk));
      await pipeline(req, out);
      if (url.searchParams.get("fsync") === "1") {
        const handle = await open(file, "r+");
        await handle.sync();
        await handle.close();
      }
      const body = JSON.stringify({ size: out.bytesWritten, ...(hash ? { sha256: hash.digest("hex") } : {}) });
      res.writeHead(201, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }).end(body);
    })().catch(fail);
    return;
  }
  if (req.method === "GET") {
    stat(file)
      .then((info) => {
        res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": info.size });
        return pipeline(createReadStream(file, { highWaterMark: IO_CHUNK }), res);
      })
      .catch(fail);
    return;
  }
  if (req.method === "DELETE") {
    rm(file, { force: true })
      .then(() => res.writeHead(204).end())
      .catch(fail);
    return;
  }
  res.writeHead(405).end();
});
server.requestTimeout = 0;
server.listen(0, "127.0.0.1", () => {
  console.log(`LISTENING ${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
