import "server-only";
import path from "node:path";
import { z } from "zod";

const ZPositiveInt = z.coerce.number().int().positive();

const ZEnv = z.object({
  STOWAGE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().min(1).optional(),
  ARTIFACT_MAX_SIZE_MB: ZPositiveInt.default(50),
  ARTIFACT_QUOTA_DEFAULT_MB: z.coerce.number().int().min(0).default(500),
  SHARE_URL_MAX_SECONDS: z.coerce.number().int().min(60).default(86400),
  STOWAGE_ADMIN_KEY: z.string().min(20, "STOWAGE_ADMIN_KEY must be at least 20 characters").optional(),
  STOWAGE_PUBLIC_URL: z.string().url().optional(),
});

export type TConfig = {
  dataDir: string;
  databaseUrl: string;
  maxUploadBytes: number;
  quotaDefaultBytes: number;
  shareUrlMaxSeconds: number;
  adminKey: string | undefined;
  publicUrl: string | undefined;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function loadConfig(env: NodeJS.ProcessEnv): TConfig {
  // Empty strings in .env files mean "unset", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.STOWAGE_DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "stowage.db")}`,
    maxUploadBytes: e.ARTIFACT_MAX_SIZE_MB * 1024 * 1024,
    quotaDefaultBytes: e.ARTIFACT_QUOTA_DEFAULT_MB * 1024 * 1024,
    shareUrlMaxSeconds: e.SHARE_URL_MAX_SECONDS,
    adminKey: e.STOWAGE_ADMIN_KEY,
    publicUrl: e.STOWAGE_PUBLIC_URL,
  };
}

let cached: TConfig | undefined;

/** Configuration from the environment (Next.js loads `.env` into it), validated once. */
export function getConfig(): TConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
