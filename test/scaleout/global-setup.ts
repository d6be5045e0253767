import { readdirSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { Cluster, type TScaleoutContext } from "../support/cluster.ts";
import { sqlAt } from "../support/db-at.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";
import { createTestBucket, testS3 } from "../support/test-s3.ts";

declare module "vitest" {
  export interface ProvidedContext {
    scaleout: TScaleoutContext;
    /** How the three instances' simultaneous first start on the empty database went. */
    scaleoutStartup: { migrations: string[]; ledger: string[]; appliedBy: string[] };
  }
}

let cluster: Cluster | undefined;
let database: TTestDatabase | undefined;
let dropBucket: (() => Promise<void>) | undefined;

/**
 * One fresh PostgreSQL database and one fresh bucket on the test S3 server for the whole tier,
 * and three instances started at the same moment on the empty database (their migrations
 * contend for the advisory lock), kept running for the files that restart nothing.
 */
export async function setup(project: TestProject) {
  if (!process.env.TEST_POSTGRES_URL)
    throw new Error('the scale-out tests need TEST_POSTGRES_URL: eval "$(bash scripts/start-test-postgres.sh)"');
  const s3 = testS3();
  if (!s3)
    throw new Error(
      'the scale-out tests need TEST_S3_ENDPOINT, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY: eval "$(bash scripts/start-test-s3.sh)"',
    );
  database = await createTestDatabase("");
  const bucket = await createTestBucket(s3);
  dropBucket = bucket.drop;
  const ctx: TScaleoutContext = {
    adminKey: `stw_scaleout_admin_${Math.random().toString(36).slice(2)}${Date.now()}`,
    databaseUrl: database.url,
    s3,
    bucket: bucket.bucket,
    baseUrls: [],
  };
  cluster = await Cluster.start(ctx);
  ctx.baseUrls = cluster.baseUrls;

  const migrations = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations/postgres"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const ledger = (await sqlAt<{ name: string }>(database.url, `SELECT "name" FROM "_stowage_migrations" ORDER BY "name"`)).map(
    (r) => r.name,
  );
  const appliedBy = cluster.instances.filter((i) => /Stowage: applied migrations/.test(i.output())).map((i) => i.label);
  project.provide("scaleout", ctx);
  project.provide("scaleoutStartup", { migrations, ledger, appliedBy });
  console.log(`scale-out: ${cluster.baseUrls.join(", ")} on PostgreSQL and bucket ${ctx.bucket}`);
}

export async function teardown() {
  await cluster?.stop();
  await dropBucket?.();
  await database?.drop();
}
