import http from "node:http";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { Cluster, listAllVersions, serverErrorLines, sha256 } from "../support/cluster.ts";
import { httpRequest, isConnectionError, type TAnswer } from "../support/http-request.ts";

const LOOPS = 4;
const MAX_ROUNDS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TStored = { loop: number; artifactId: string; version: number; body: Buffer };

describe("a rolling restart under load", () => {
  const ctx = inject("scaleout");
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start(ctx);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("loses no upload answered 2xx and answers no request with a 5xx", async () => {
    const urls = cluster.baseUrls;
    const agent = await createAgent(uniq("rolling"), {}, cluster.admin(0));
    // Keep-alive connections per instance, as a load balancer keeps them.
    const agents = new Map(urls.map((u) => [u, new http.Agent({ keepAlive: true, maxSockets: 8 })]));
    const stored: TStored[] = [];
    const answers: { kind: string; status: number; url: string }[] = [];
    const problems: string[] = [];
    const connectionErrors: string[] = [];
    let restarting = true;

    /**
     * Like a load balancer: a request that got no HTTP answer (refused, reset) goes to the next
     * instance; one that got an answer is never retried. Uploads carry an Idempotency-Key, so
     * resending one the dead instance may have committed is safe.
     */
    const call = async (kind: string, first: number, send: (url: string) => Promise<TAnswer>): Promise<TAnswer> => {
      for (let attempt = 0; attempt < 15; attempt++) {
        const url = urls[(first + attempt) % urls.length]!;
        try {
          const res = await send(url);
          answers.push({ kind, status: res.status, url });
          return res;
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          connectionErrors.push(`${kind} ${url}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
          await sleep(20 * attempt);
        }
      }
      throw new Error(`no instance answered a ${kind}`);
    };

    const loop = async (k: number) => {
      for (let n = 0; n < MAX_ROUNDS && (restarting || n < 3); n++) {
        const body = randomBytes(1_000 + ((n * 7_919 + k * 104_729) % 40_000));
        const idempotencyKey = `rolling-${k}-${n}-${randomBytes(4).toString("hex")}`;
        const up = await call("upload", k + n, (url) =>
          httpRequest(`${url}/api/v1/artifacts?${new URLSearchParams({ namespace: agent.namespace, name: `loop-${k}.bin` })}`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${agent.key}`,
              "content-type": "application/octet-stream",
              "idempotency-key": idempotencyKey,
            },
            body,
            agent: agents.get(url),
          }),
        );
        if (up.status !== 201 && up.status !== 200) {
          problems.push(`upload ${k}/${n}: ${up.status} ${up.body.toString().slice(0, 300)}`);
          continue;
        }
        const { artifact, version } = up.json<{ artifact: { id: string }; version: { version: number } }>();
        stored.push({ loop: k, artifactId: artifact.id, version: version.version, body });
        const down = await call("download", k + n + 1, (url) =>
          httpRequest(`${url}/api/v1/artifacts/${artifact.id}/content?version=${version.version}`, {
            headers: { authorization: `Bearer ${agent.key}` },
            agent: agents.get(url),
          }),
        );
        if (down.status !== 302) {
          problems.push(`download ${k}/${n}: ${down.status} ${down.body.toString().slice(0, 300)}`);
          continue;
        }
        const bytes = (await httpRequest(String(down.headers.location))).body;
        if (!bytes.equals(body)) problems.push(`download ${k}/${n}: other bytes than were sent`);
        // A steady client, not a flood: the instances must still start on two shared cores.
        await sleep(100);
      }
    };

    const loops = Promise.all(Array.from({ length: LOOPS }, (_, k) => loop(k)));
    const stopMs: number[] = [];
    try {
      await sleep(1_500);
      for (let i = 0; i < urls.length; i++) {
        const started = Date.now();
        const code = await cluster.stopOne(i, "SIGTERM");
        stopMs.push(Date.now() - started);
        expect(code, `${cluster.instances[i]!.label} exit code`).toBe(0);
        await cluster.startOne(i);
        await sleep(1_000);
      }
    } finally {
      restarting = false;
      await loops;
      for (const a of agents.values()) a.destroy();
    }

    expect(problems).toEqual([]);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    // Uploads went on throughout, and clients did find instances down.
    expect(stored.length).toBeGreaterThanOrEqual(LOOPS * 3);
    expect(connectionErrors.length).toBeGreaterThan(0);
    for (const ms of stopMs) expect(ms, "an instance took its 30 s grace to stop: connections were left open").toBeLessThan(25_000);

    // Every stored version is there exactly once, with the bytes that were sent.
    const byLoop = new Map<number, TStored[]>();
    for (const s of stored) byLoop.set(s.loop, [...(byLoop.get(s.loop) ?? []), s]);
    for (const [k, mine] of byLoop) {
      const listed = await listAllVersions(clientFor(urls[k % 3]!, agent.key), mine[0]!.artifactId);
      expect(
        listed.map((v) => v.version).sort((x, y) => x - y),
        `versions of loop ${k}`,
      ).toEqual(mine.map((s) => s.version).sort((x, y) => x - y));
      const sums = new Map(listed.map((v) => [v.version, v.sha256]));
      for (const s of mine) expect(sums.get(s.version), `loop ${k} v${s.version}`).toBe(sha256(s.body));
    }
    for (const instance of cluster.instances) expect(serverErrorLines(instance), `${instance.label} stderr`).toEqual([]);
    console.log(
      `rolling restart: ${stored.length} uploads, ${answers.length} answers, ${connectionErrors.length} retried without an answer (${[...new Set(connectionErrors.map((e) => e.split(": ")[1]))].join(", ")}), stops took ${stopMs.join("/")} ms`,
    );
  }, 240_000);
});
