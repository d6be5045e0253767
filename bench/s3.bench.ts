// Stowage on S3 against the same S3 server used directly with the AWS SDK: upload and download
// throughput, the cost of the download redirect, and how fast presigned URLs are minted.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/s3.bench.ts
//
// Env: BENCH_S3_SIZE_MB (256) MiB per transfer, BENCH_S3_ROUNDS (5), BENCH_S3_SMALL_ITERATIONS
// (300 sequential small requests per latency case), BENCH_S3_PRESIGN_SECONDS (3, in-process presign
// loop), BENCH_S3_URL_SECONDS (4 per concurrency level), BENCH_S3_URL_CONCURRENCY ("1,4,16"),
// BENCH_TMPDIR, BENCH_TIMEOUT_S (420), BENCH_JSON_OUT, BENCH_SERVER_NODE_OPTIONS, BENCH_SERVER_LOG=1.
// No goals are set: it reports numbers. See bench/README.md.
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, createReadStream, fsyncSync, openSync, writeFileSync, writeSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createS3BlobStore } from "../lib/storage/s3-blob-store.ts";
import { createTestBucket, s3ServerEnv, testS3Client } from "../test/support/test-s3.ts";
import { assertBuilt, envInt, machineInfo, makeTempDir, median, MiB, readCpu, runMain, sleep, summarize, table } from "./support/common.ts";
import { download, jsonClient, mbPerSecond, simpleRequest, uploadFile, type TTransfer } from "./support/http-client.ts";
import { startS3 } from "./support/s3-server.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";

/** What Stowage's S3 driver uses for puts through the server (lib/storage/s3-blob-store.ts). */
const PART_SIZE = 8 * MiB;
const QUEUE_SIZE = 3;
const IDENTITY = "s3bench";
const NAMESPACE = `agent:${IDENTITY}`;
const SMALL_SIZE = 1024;

type TUpSide = "stowage" | "sdk" | "sdkPut";
type TDownSide = "stowage" | "sdk" | "presigned";
/**
 * One transfer: throughput; CPU seconds per GiB of the Stowage server, the S3 server (radosgw +
 * ceph-osd) and this client process; for transfers through Stowage, its server's major GCs
 * (mark-compacts) per GiB (NaN otherwise).
 */
type TSample = { mbps: number; stowageCpu: number; s3Cpu: number; clientCpu: number; majorGc: number };

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Random (incompressible) source data, fsynced; returns the sha256 of the first `size` and `small` bytes. */
function writeSourceFile(file: string, size: number, small: number): { big: string; small: string } {
  const fd = openSync(file, "w");
  const chunk = Buffer.allocUnsafe(MiB);
  const big = createHash("sha256");
  let smallHash = "";
  try {
    for (let written = 0; written < size; written += MiB) {
      const n = Math.min(MiB, size - written);
      randomFillSync(chunk, 0, n);
      if (written === 0) smallHash = createHash("sha256").update(chunk.subarray(0, small)).digest("hex");
      big.update(chunk.subarray(0, n));
      writeSync(fd, chunk, 0, n);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { big: big.digest("hex"), small: smallHash };
}

/** A GET that does not follow redirects: status, headers, time to the end of the response. */
function getOnce(
  url: string,
  headers: Record<string, string>,
  agent: http.Agent | false,
): Promise<{ status: number; location?: string; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.once("response", (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.once("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          bytes,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
      res.once("error", reject);
    });
    req.once("error", reject);
  });
}

/** GET content through Stowage: the 302 (fresh connection, like the other transfers), then the presigned URL. */
async function stowageDownload(
  contentUrl: string,
  auth: Record<string, string>,
  options: { hash?: boolean } = {},
): Promise<TTransfer & { redirectMs: number }> {
  const started = process.hrtime.bigint();
  const hop = await getOnce(contentUrl, auth, false);
  check(hop.status === 302 && hop.location, `Stowage content answered ${hop.status} (expected a 302 to S3)`);
  const t = await download(hop.location, {}, options);
  return { ...t, seconds: Number(process.hrtime.bigint() - started) / 1e9, redirectMs: hop.ms };
}

async function drain(body: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

/** Runs `count` sequential calls (after `warm` unmeasured ones); returns the latencies in ms. */
async function latencies(count: number, warm: number, call: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < warm; i++) await call();
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await call());
  return out;
}

async function main() {
  assertBuilt();
  const sizeMB = envInt("BENCH_S3_SIZE_MB", 256);
  const rounds = envInt("BENCH_S3_ROUNDS", 5);
  const smallIterations = envInt("BENCH_S3_SMALL_ITERATIONS", 300);
  const presignSeconds = envInt("BENCH_S3_PRESIGN_SECONDS", 3);
  const urlSeconds = envInt("BENCH_S3_URL_SECONDS", 4);
  const concurrencies = (process.env.BENCH_S3_URL_CONCURRENCY || "1,4,16").split(",").map((c) => Number(c.trim()));
  check(
    concurrencies.every((c) => Number.isInteger(c) && c >= 1),
    `BENCH_S3_URL_CONCURRENCY must be a list of positive integers, got ${process.env.BENCH_S3_URL_CONCURRENCY}`,
  );
  // The RGW keeps objects in RAM (4 GiB cap): at most one big object per upload path is live.
  check(sizeMB <= 1024, "BENCH_S3_SIZE_MB must be <= 1024 (three copies live at once in the RGW's 4 GiB of RAM)");
  const size = sizeMB * MiB;
  const gib = size / 2 ** 30;

  const tmp = makeTempDir("stowage-bench-s3-", size);
  const source = path.join(tmp, "source.bin");
  console.log(`s3 bench: ${rounds} rounds of ${sizeMB} MiB, in ${tmp}`);
  console.log(
    `machine: ${machineInfo()}; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  let t0 = Date.now();
  const sha = writeSourceFile(source, size, SMALL_SIZE);
  console.log(`generated ${sizeMB} MiB of random source data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  t0 = Date.now();
  const s3 = await startS3();
  const { bucket } = await createTestBucket(s3);
  console.log(`RADOS Gateway at ${s3.endpoint} (${s3.dir}), bucket ${bucket}, up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const client = testS3Client(s3);
  const s3Cpu = () =>
    s3.pids().reduce((sum, pid) => {
      const c = readCpu(pid);
      return sum + c.user + c.system;
    }, 0);

  const adminKey = newAdminKey();
  const stowage = await startStowage(path.join(tmp, "stowage"), adminKey, {
    ...s3ServerEnv(s3, bucket),
    ARTIFACT_MAX_SIZE_MB: String(Math.max(4096, 2 * sizeMB)),
  });
  const stowageCpu = () => {
    const c = readCpu(stowage.pid);
    return c.user + c.system;
  };

  // An agent identity and its API key, made through the admin API as an operator would.
  const admin = { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" };
  const created = await fetch(`${stowage.baseUrl}/api/v1/identities`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ name: IDENTITY }),
  });
  const createdText = await created.text();
  check(created.status === 201, `creating identity ${IDENTITY} answered ${created.status}: ${createdText}`);
  const keyRes = await fetch(`${stowage.baseUrl}/api/v1/identities/${IDENTITY}/keys`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ label: "s3 bench" }),
  });
  const keyText = await keyRes.text();
  check(keyRes.status === 201, `creating a key answered ${keyRes.status}: ${keyText}`);
  const apiKey = (JSON.parse(keyText) as { key: { key: string } }).key.key;
  const auth = { Authorization: `Bearer ${apiKey}` };
  const uploadUrl = (name: string) => `${stowage.baseUrl}/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=${name}`;
  const contentUrl = (id: string) => `${stowage.baseUrl}/api/v1/artifacts/${id}/content`;

  const publish = async (name: string, bytes: number, expectedSha: string) => {
    const t = await uploadFile(uploadUrl(name), source, bytes, auth);
    check(t.status === 201 || t.status === 200, `Stowage upload answered ${t.status}: ${t.body.slice(0, 500)}`);
    const body = JSON.parse(t.body) as { artifact: { id: string }; version: { sizeBytes: number; sha256: string } };
    check(body.version.sizeBytes === bytes, `Stowage stored ${body.version.sizeBytes} bytes, sent ${bytes}`);
    check(body.version.sha256 === expectedSha, `Stowage computed sha256 ${body.version.sha256}, expected ${expectedSha}`);
    return { t, id: body.artifact.id };
  };

  /** Runs a transfer of `size` bytes and charges each process's CPU time to it. */
  const timed = async (run: () => Promise<number>, throughStowage = false): Promise<TSample> => {
    const before = { stowage: stowageCpu(), s3: s3Cpu(), client: process.cpuUsage(), gc: stowage.gc().major.n };
    const seconds = await run();
    const client = process.cpuUsage(before.client);
    let majorGc = NaN;
    if (throughStowage) {
      await sleep(120); // the GC probe writes its totals every 50 ms
      majorGc = (stowage.gc().major.n - before.gc) / gib;
    }
    return {
      majorGc,
      mbps: mbPerSecond(size, seconds),
      stowageCpu: (stowageCpu() - before.stowage) / gib,
      s3Cpu: (s3Cpu() - before.s3) / gib,
      clientCpu: (client.user + client.system) / 1e6 / gib,
    };
  };

  // ---- big transfers ---------------------------------------------------------------------
  // Each upload path keeps one copy; it is deleted (and the RGW's garbage collected) right
  // before that path's next upload, outside the timing.
  const keys = { sdk: "direct/big-multipart", sdkPut: "direct/big-put" };
  let stowageId: string | undefined;
  const removeStored = async (side: TUpSide) => {
    if (side === "stowage") {
      if (stowageId) {
        const r = await simpleRequest("DELETE", `${stowage.baseUrl}/api/v1/artifacts/${stowageId}`, auth);
        check(r.status === 204, `Stowage DELETE answered ${r.status}: ${r.body.slice(0, 300)}`);
        stowageId = undefined;
      }
    } else {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keys[side] }));
    }
    s3.collectGarbage();
  };
  const readSource = () => createReadStream(source, { start: 0, end: size - 1, highWaterMark: MiB });
  const headSize = async (key: string) => (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;

  const upload = async (side: TUpSide): Promise<TSample> => {
    await removeStored(side);
    if (side === "stowage") {
      return timed(async () => {
        const { t, id } = await publish("big.bin", size, sha.big);
        stowageId = id;
        return t.seconds;
      }, true);
    }
    const sample = await timed(async () => {
      const started = process.hrtime.bigint();
      if (side === "sdk") {
        await new Upload({
          client,
          partSize: PART_SIZE,
          queueSize: QUEUE_SIZE,
          params: { Bucket: bucket, Key: keys.sdk, Body: readSource(), ContentType: "application/octet-stream" },
        }).done();
      } else {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: keys.sdkPut,
            Body: readSource(),
            ContentLength: size,
            ContentType: "application/octet-stream",
          }),
        );
      }
      return Number(process.hrtime.bigint() - started) / 1e9;
    });
    const stored = await headSize(keys[side]);
    check(stored === size, `direct ${side} upload stored ${stored} bytes, sent ${size}`);
    return sample;
  };

  const redirectMsOfBig: number[] = [];
  const fetchBig = async (side: TDownSide): Promise<TSample> =>
    timed(async () => {
      if (side === "stowage") {
        const t = await stowageDownload(contentUrl(stowageId!), auth);
        check(t.status === 200 && t.bytes === size, `Stowage download: status ${t.status}, ${t.bytes} bytes (expected ${size})`);
        redirectMsOfBig.push(t.redirectMs);
        return t.seconds;
      }
      const started = process.hrtime.bigint();
      let bytes: number;
      if (side === "sdk") {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keys.sdk }));
        bytes = await drain(out.Body as Readable);
      } else {
        // What Stowage's redirect leads to, without the redirect (minting the URL is included: it is local).
        const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: keys.sdk }), { expiresIn: 600 });
        const t = await download(url);
        check(t.status === 200, `presigned GET answered ${t.status}: ${t.body.slice(0, 300)}`);
        bytes = t.bytes;
      }
      check(bytes === size, `direct ${side} download returned ${bytes} bytes, expected ${size}`);
      return Number(process.hrtime.bigint() - started) / 1e9;
    }, side === "stowage");

  // Warm-up at full size, not measured: JIT, the SDK's connections, the namespace's first use.
  for (const side of ["stowage", "sdk", "sdkPut"] as const) await upload(side);
  for (const side of ["stowage", "sdk", "presigned"] as const) await fetchBig(side);
  redirectMsOfBig.length = 0;

  const up: Record<TUpSide, TSample[]> = { stowage: [], sdk: [], sdkPut: [] };
  const down: Record<TDownSide, TSample[]> = { stowage: [], sdk: [], presigned: [] };
  t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["stowage", "sdk"] as const) : (["sdk", "stowage"] as const);
    for (const side of order) up[side].push(await upload(side));
    up.sdkPut.push(await upload("sdkPut"));
    for (const side of order) down[side].push(await fetchBig(side));
    down.presigned.push(await fetchBig("presigned"));
    const last = (s: TSample[]) => s[round]!.mbps.toFixed(0);
    console.log(
      `round ${round + 1}/${rounds} (${order[0]} first): upload Stowage ${last(up.stowage)} / SDK multipart ${last(up.sdk)} / SDK PutObject ${last(up.sdkPut)} MB/s; download Stowage ${last(down.stowage)} / SDK ${last(down.sdk)} / presigned GET ${last(down.presigned)} MB/s`,
    );
  }
  // Untimed end-to-end check: the redirect leads to exactly the bytes that were uploaded.
  const verify = await stowageDownload(contentUrl(stowageId!), auth, { hash: true });
  check(verify.status === 200 && verify.sha256 === sha.big, `Stowage download (via S3) has sha256 ${verify.sha256}, expected ${sha.big}`);
  console.log(`big transfers took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const side of ["stowage", "sdk", "sdkPut"] as const) await removeStored(side);

  // ---- small object: the redirect hop ---------------------------------------------------
  const small = await publish("small.bin", SMALL_SIZE, sha.small);
  const smallKey = "direct/small"; // a blob key (lowercase segments), so presignGet accepts it
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: smallKey, Body: Buffer.alloc(SMALL_SIZE, 1) }));
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const redirectOn = (agent: http.Agent | false) => async () => {
    const r = await getOnce(contentUrl(small.id), auth, agent);
    check(r.status === 302 && r.location?.startsWith(s3.endpoint), `content answered ${r.status} ${r.location ?? ""}`);
    return r.ms;
  };
  const redirect = await latencies(smallIterations, 20, redirectOn(keepAlive));
  const redirectFresh = await latencies(smallIterations, 20, redirectOn(false));
  const hop = await getOnce(contentUrl(small.id), auth, keepAlive);
  const s3Agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const presignedOn = (agent: http.Agent | false) => async () => {
    const r = await getOnce(hop.location!, {}, agent);
    check(r.status === 200 && r.bytes === SMALL_SIZE, `presigned GET of the small object answered ${r.status}, ${r.bytes} bytes`);
    return r.ms;
  };
  // A client following the redirect to another host usually opens a new connection; a reused one
  // is slower on this RGW (see bench/README.md), so both are shown.
  const presignedSmall = await latencies(smallIterations, 20, presignedOn(false));
  const presignedSmallKeepAlive = await latencies(smallIterations, 20, presignedOn(s3Agent));
  const sdkSmall = await latencies(smallIterations, 20, async () => {
    const started = process.hrtime.bigint();
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: smallKey }));
    check((await drain(out.Body as Readable)) === SMALL_SIZE, "SDK GetObject of the small object: wrong size");
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  keepAlive.destroy();
  s3Agent.destroy();

  // ---- presigned URLs per second ---------------------------------------------------------
  // (a) in-process: the driver's presignGet with what presignVersion passes (lib/delivery/presign-version.ts).
  const store = createS3BlobStore({
    bucket,
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  const presignOptions = {
    expiresInSeconds: 7200,
    contentType: "application/octet-stream",
    contentDisposition: 'attachment; filename="small.bin"',
    cacheControl: "private, no-cache",
  };
  const probe = await getOnce(await store.presignGet!(smallKey, presignOptions), {}, false);
  check(probe.status === 200 && probe.bytes === SMALL_SIZE, `a URL from presignGet answered ${probe.status}`);
  for (let i = 0; i < 500; i++) await store.presignGet!(smallKey, presignOptions);
  const presignUs: number[] = [];
  const presignCpu = process.cpuUsage();
  const presignStart = process.hrtime.bigint();
  const presignEnd = presignStart + BigInt(presignSeconds) * 1_000_000_000n;
  for (let now = presignStart; now < presignEnd;) {
    await store.presignGet!(smallKey, presignOptions);
    const after = process.hrtime.bigint();
    presignUs.push(Number(after - now) / 1e3);
    now = after;
  }
  const presignElapsed = Number(process.hrtime.bigint() - presignStart) / 1e9;
  const presignCpuUsed = process.cpuUsage(presignCpu);
  const inProcess = {
    calls: presignUs.length,
    perSecond: presignUs.length / presignElapsed,
    us: summarize(presignUs),
    cpuUsPerCall: (presignCpuUsed.user + presignCpuUsed.system) / presignUs.length,
  };
  console.log(`in-process presignGet: ${inProcess.calls} calls in ${presignElapsed.toFixed(1)} s`);

  // (b) over HTTP: GET /api/v1/artifacts/{id}/url, N clients each on its own keep-alive connection.
  const urlPath = `/api/v1/artifacts/${small.id}/url`;
  const overHttp: {
    clients: number;
    requests: number;
    perSecond: number;
    ms: ReturnType<typeof summarize>;
    serverCpuMsPerRequest: number;
  }[] = [];
  for (const clients of concurrencies) {
    const conns = Array.from({ length: clients }, () => jsonClient(stowage.baseUrl, auth));
    const one = async (c: ReturnType<typeof jsonClient>) => {
      const r = await c.get(urlPath);
      const body = r.body as { url?: string };
      check(
        r.status === 200 && body.url?.startsWith(s3.endpoint),
        `GET ${urlPath} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`,
      );
      return r.ms;
    };
    await Promise.all(
      conns.map(async (c) => {
        for (let i = 0; i < 20; i++) await one(c);
      }),
    );
    const ms: number[] = [];
    const cpuBefore = stowageCpu();
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(urlSeconds) * 1_000_000_000n;
    await Promise.all(
      conns.map(async (c) => {
        while (process.hrtime.bigint() < deadline) ms.push(await one(c));
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = stowageCpu() - cpuBefore;
    for (const c of conns) c.close();
    overHttp.push({
      clients,
      requests: ms.length,
      perSecond: ms.length / elapsed,
      ms: summarize(ms),
      serverCpuMsPerRequest: (cpu * 1000) / ms.length,
    });
    console.log(`GET /url with ${clients} client(s): ${ms.length} requests in ${elapsed.toFixed(1)} s`);
  }
  await stowage.stop();
  await s3.stop();

  // ---- report ----------------------------------------------------------------------------
  const stat = (samples: TSample[]) => ({
    mbps: summarize(samples.map((s) => s.mbps)),
    stowageCpu: median(samples.map((s) => s.stowageCpu)),
    s3Cpu: median(samples.map((s) => s.s3Cpu)),
    clientCpu: median(samples.map((s) => s.clientCpu)),
    majorGc: median(samples.map((s) => s.majorGc)),
  });
  const s = {
    up: { stowage: stat(up.stowage), sdk: stat(up.sdk), sdkPut: stat(up.sdkPut) },
    down: { stowage: stat(down.stowage), sdk: stat(down.sdk), presigned: stat(down.presigned) },
  };
  const uploadRatio = s.up.stowage.mbps.p50 / s.up.sdk.mbps.p50;
  const downloadRatio = s.down.stowage.mbps.p50 / s.down.sdk.mbps.p50;
  const row = (label: string, m: ReturnType<typeof stat>, ratio = "", throughStowage = true) => [
    label,
    m.mbps.p50.toFixed(0),
    m.mbps.min.toFixed(0),
    m.mbps.max.toFixed(0),
    throughStowage ? m.stowageCpu.toFixed(2) : "-",
    throughStowage ? m.majorGc.toFixed(0) : "-",
    m.s3Cpu.toFixed(2),
    m.clientCpu.toFixed(2),
    ratio,
  ];
  console.log(
    `\nThroughput, ${rounds} alternating rounds of ${sizeMB} MiB (MB/s = 10^6 bytes/s; ratio = Stowage median / SDK median; CPU = user+sys seconds per GiB of the Stowage server, the S3 server (radosgw + ceph-osd) and this client process; GCs = Stowage server mark-compacts per GiB)`,
  );
  console.log(
    table(
      ["transfer", "median MB/s", "min", "max", "Stowage CPU", "GCs", "S3 CPU", "client CPU", "ratio"],
      [
        row("upload: Stowage (POST raw body)", s.up.stowage, `${uploadRatio.toFixed(2)}x`),
        row(`upload: SDK lib-storage Upload (${PART_SIZE / MiB} MiB x ${QUEUE_SIZE})`, s.up.sdk, "", false),
        row(
          "upload: SDK PutObject, one stream (info)",
          s.up.sdkPut,
          `${(s.up.stowage.mbps.p50 / s.up.sdkPut.mbps.p50).toFixed(2)}x of it`,
          false,
        ),
        row("download: Stowage (302, then S3)", s.down.stowage, `${downloadRatio.toFixed(2)}x`),
        row("download: SDK GetObject", s.down.sdk, "", false),
        row(
          "download: presigned GET, no redirect (info)",
          s.down.presigned,
          `${(s.down.stowage.mbps.p50 / s.down.presigned.mbps.p50).toFixed(2)}x of it`,
          false,
        ),
      ],
    ),
  );
  const lat = (label: string, values: number[]) => {
    const v = summarize(values);
    return [label, v.n, v.p50.toFixed(2), v.p95.toFixed(2), v.max.toFixed(2)];
  };
  console.log(`\nRedirect hop, ${SMALL_SIZE}-byte object, sequential requests (ms)`);
  console.log(
    table(
      ["request", "n", "p50 ms", "p95 ms", "max ms"],
      [
        lat("Stowage GET content -> 302, keep-alive (the hop alone)", redirect),
        lat("Stowage GET content -> 302, new connection each", redirectFresh),
        lat("then: GET the presigned URL at S3, new connection each", presignedSmall),
        lat("GET the presigned URL at S3, keep-alive (info)", presignedSmallKeepAlive),
        lat("direct: SDK GetObject (SDK keep-alive pool)", sdkSmall),
        lat("302 before each big download (new connection)", redirectMsOfBig),
      ],
    ),
  );
  console.log(`\nPresigned GET URLs minted`);
  console.log(
    table(
      ["how", "URLs/s", "p50 ms", "p95 ms", "max ms", "CPU ms per URL"],
      [
        [
          `in-process presignGet, sequential (${presignSeconds} s)`,
          inProcess.perSecond.toFixed(0),
          (inProcess.us.p50 / 1000).toFixed(3),
          (inProcess.us.p95 / 1000).toFixed(3),
          (inProcess.us.max / 1000).toFixed(3),
          (inProcess.cpuUsPerCall / 1000).toFixed(3),
        ],
        ...overHttp.map((h) => [
          `GET /url, ${h.clients} keep-alive client(s) (${urlSeconds} s)`,
          h.perSecond.toFixed(0),
          h.ms.p50.toFixed(2),
          h.ms.p95.toFixed(2),
          h.ms.max.toFixed(2),
          `${h.serverCpuMsPerRequest.toFixed(2)} (server)`,
        ]),
      ],
    ),
  );
  console.log(
    `\nload average at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (other work on the machine skews throughput); no goals set: numbers only`,
  );
  if (process.env.BENCH_JSON_OUT) {
    writeFileSync(
      process.env.BENCH_JSON_OUT,
      JSON.stringify(
        {
          bench: "s3",
          sizeMB,
          rounds,
          up,
          down,
          summary: s,
          uploadRatio,
          downloadRatio,
          redirectMs: summarize(redirect),
          redirectFreshMs: summarize(redirectFresh),
          presignedSmallMs: summarize(presignedSmall),
          presignedSmallKeepAliveMs: summarize(presignedSmallKeepAlive),
          sdkSmallMs: summarize(sdkSmall),
          redirectBeforeBigMs: summarize(redirectMsOfBig),
          presignInProcess: inProcess,
          presignOverHttp: overHttp,
          goals: {},
        },
        null,
        2,
      ),
    );
  }
}

runMain("s3 bench", main, envInt("BENCH_TIMEOUT_S", 420));
