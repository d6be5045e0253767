import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { clientFor, type TClient } from "./api.ts";
import { httpRequest } from "./http-request.ts";
import { startServer, type TStartedServer } from "./start-server.ts";
import { s3ServerEnv, testS3Client, type TTestS3 } from "./test-s3.ts";

/** What the scale-out tier's global setup made: one database and one bucket for every instance. */
export type TScaleoutContext = {
  adminKey: string;
  databaseUrl: string;
  s3: TTestS3;
  bucket: string;
  /** The three instances the global setup started (and keeps running) for the files that restart nothing. */
  baseUrls: string[];
};

/** The settings every instance shares: one admin key, one database, one bucket. */
export function sharedEnv(ctx: TScaleoutContext): Record<string, string> {
  return { ...s3ServerEnv(ctx.s3, ctx.bucket), STOWAGE_ADMIN_KEY: ctx.adminKey };
}

export type TInstance = {
  readonly label: string;
  readonly baseUrl: string;
  readonly server: TStartedServer;
  /** Everything every process at this address wrote, restarts included. */
  output(): string;
  errors(): string;
};

/**
 * Stowage instances exactly as `npm start` runs them, on the shared database and bucket, each
 * with its own data dir. Restarts keep an instance's port, the way a load balancer knows it.
 */
export class Cluster {
  readonly instances: TInstance[] = [];
  private readonly pastOutput: string[] = [];
  private readonly pastErrors: string[] = [];
  private readonly dataDirs: string[] = [];

  private constructor(
    private readonly ctx: TScaleoutContext,
    private readonly env: Record<string, string>,
  ) {}

  /** `count` instances started at the same moment; `envOf` adds settings for one of them. */
  static async start(
    ctx: TScaleoutContext,
    options: { count?: number; env?: Record<string, string>; envOf?: (i: number) => Record<string, string> } = {},
  ): Promise<Cluster> {
    const cluster = new Cluster(ctx, options.env ?? {});
    const count = options.count ?? 3;
    for (let i = 0; i < count; i++) {
      cluster.dataDirs.push(mkdtempSync(path.join(os.tmpdir(), `stowage-scale-${i}-`)));
      cluster.pastOutput.push("");
      cluster.pastErrors.push("");
    }
    const servers = await Promise.all(cluster.dataDirs.map((dataDir, i) => cluster.launch(dataDir, undefined, options.envOf?.(i))));
    servers.forEach((server, i) => cluster.instances.push(cluster.wrap(i, server)));
    return cluster;
  }

  get baseUrls(): string[] {
    return this.instances.map((i) => i.baseUrl);
  }

  admin(i = 0): TClient {
    return clientFor(this.instances[i]!.baseUrl, this.ctx.adminKey);
  }

  private launch(dataDir: string, port?: number, env: Record<string, string> = {}): Promise<TStartedServer> {
    return startServer({
      dataDir,
      databaseUrl: this.ctx.databaseUrl,
      adminKey: this.ctx.adminKey,
      port,
      env: { ...sharedEnv(this.ctx), ...this.env, ...env },
    });
  }

  private wrap(i: number, server: TStartedServer): TInstance {
    const past = () => [this.pastOutput[i]!, this.pastErrors[i]!];
    return {
      label: `instance ${"ABCDEFGHIJ"[i]}`,
      baseUrl: server.baseUrl,
      server,
      output: () => past()[0] + server.output(),
      errors: () => past()[1] + server.errors(),
    };
  }

  /** Ends instance i with `signal` and waits until the process has exited. */
  async stopOne(i: number, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    const { process: child } = this.instances[i]!.server;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, "exit");
    child.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  }

  /** Starts instance i again at its address (extra settings for this start only). */
  async startOne(i: number, env: Record<string, string> = {}): Promise<TInstance> {
    const old = this.instances[i]!;
    this.pastOutput[i] += old.server.output();
    this.pastErrors[i] += old.server.errors();
    const server = await this.launch(this.dataDirs[i]!, old.server.port, env);
    this.instances[i] = this.wrap(i, server);
    return this.instances[i]!;
  }

  /** Stops every instance (SIGTERM) and removes their data dirs. */
  async stop(): Promise<void> {
    await Promise.all(this.instances.map((_, i) => this.stopOne(i)));
    for (const dir of this.dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every key under v1/ in the bucket (all pages). */
export async function bucketKeys(ctx: TScaleoutContext): Promise<string[]> {
  const client = testS3Client(ctx.s3);
  const keys: string[] = [];
  for (let token: string | undefined, pages = 0; pages < 1000; pages++) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: ctx.bucket, Prefix: "v1/", ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    if (!page.IsTruncated) break;
    token = page.NextContinuationToken;
  }
  return keys;
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * A version's bytes through instance `baseUrl`: bytes in S3 answer 302 to a presigned URL on the
 * (loopback) S3 server, which is then fetched.
 */
export async function downloadVersion(
  baseUrl: string,
  key: string,
  artifactId: string,
  version: number,
): Promise<{ status: number; bytes?: Buffer }> {
  const res = await httpRequest(`${baseUrl}/api/v1/artifacts/${artifactId}/content?version=${version}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (res.status === 200) return { status: 200, bytes: res.body };
  if (res.status !== 302) return { status: res.status };
  const s3 = await httpRequest(String(res.headers.location));
  return { status: s3.status, bytes: s3.body };
}

/** Every version of an artifact, newest first, through all pages. */
export async function listAllVersions(
  client: TClient,
  artifactId: string,
): Promise<{ version: number; sizeBytes: number; sha256: string }[]> {
  const all: { version: number; sizeBytes: number; sha256: string }[] = [];
  for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
    const page = await client.json(`/api/v1/artifacts/${artifactId}/versions?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    if (page.status !== 200) throw new Error(`versions: ${page.status} ${JSON.stringify(page.body)}`);
    all.push(...page.body.versions);
    cursor = page.body.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return all;
}

/** Lines an instance wrote to stderr (console.error), for "no errors" checks. */
export function errorLines(instance: TInstance): string[] {
  return instance
    .errors()
    .split("\n")
    .filter((l) => l.trim() !== "");
}

/**
 * Node's own warnings on stderr (a "(node:PID) …Warning:" line and its hint; the AWS SDK's note
 * about Node 22), not errors of the server.
 */
const WARNING_LINE =
  /^\(node:\d+\) \w*Warning: |^\(Use `node --trace-|NodeDeprecationWarning|AWS SDK for JavaScript|will require node|version of Node\.js|upgrade to node|security updates|To continue receiving|a\.co\/|trace-warnings|versions published after/i;

/** What an instance wrote to stderr, Node's runtime warnings left out. */
export function serverErrorLines(instance: TInstance): string[] {
  return errorLines(instance).filter((l) => !WARNING_LINE.test(l));
}

/** Sums the numbers a log line pattern (with one capture group) reports over an instance's output. */
export function sumLogged(output: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, "g");
  return [...output.matchAll(global)].reduce((n, m) => n + Number(m[1]), 0);
}
