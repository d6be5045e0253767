import "server-only";
import path from "node:path";
import { z } from "zod";
import { processState } from "./process-state.ts";

const ZPositiveInt = z.coerce.number().int().positive();
const ZFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const ZEnv = z.object({
  STOWAGE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().min(1).optional(),
  ARTIFACT_MAX_SIZE_MB: ZPositiveInt.default(50),
  ARTIFACT_QUOTA_DEFAULT_MB: z.coerce.number().int().min(0).default(500),
  SHARE_URL_MAX_SECONDS: z.coerce.number().int().min(60).default(86400),
  STOWAGE_ADMIN_KEY: z.string().min(20, "STOWAGE_ADMIN_KEY must be at least 20 characters").optional(),
  STOWAGE_PUBLIC_URL: z.string().url().optional(),
  STOWAGE_ADMIN_EMAIL: z.string().email("STOWAGE_ADMIN_EMAIL must be an email address").optional(),
  STOWAGE_ADMIN_PASSWORD: z.string().min(10, "STOWAGE_ADMIN_PASSWORD must be at least 10 characters").max(256).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_ALLOW_SIGNUP: ZFlag.default(false),
  ARTIFACT_GC_INTERVAL_MINUTES: ZPositiveInt.default(15),
  ARTIFACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
  ARTIFACT_ORPHAN_GRACE_MINUTES: z.coerce.number().int().min(0).default(60),
  PRESIGNED_URL_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(604800).default(7200),
  ARTIFACT_DIRECT_UPLOAD_MAX_SIZE_MB: ZPositiveInt.default(102400),
  STOWAGE_STORAGE_BACKEND: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  STOWAGE_METRICS_TOKEN: z.string().min(16, "STOWAGE_METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  MCP_RESULT_MAX_KB: z.coerce.number().int().min(4).max(4096).default(64),
  MCP_REQUEST_MAX_MB: ZPositiveInt.max(1024).default(8),
  S3_ENDPOINT: z.string().url().optional(),
  S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: ZFlag.default(false),
});

export type TS3Config = {
  bucket: string;
  endpoint: string | undefined;
  publicEndpoint: string | undefined;
  region: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
};

export type TConfig = {
  dataDir: string;
  databaseUrl: string;
  maxUploadBytes: number;
  quotaDefaultBytes: number;
  shareUrlMaxSeconds: number;
  adminKey: string | undefined;
  /** Dashboard sign-in for the first admin, set on first start (STOWAGE_ADMIN_EMAIL / _PASSWORD). */
  adminCredentials: { email: string; password: string } | undefined;
  /** next-auth's secret; undefined: derived from the installation's stored secret. */
  authSecret: string | undefined;
  /** An OIDC provider for dashboard sign-in, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string; allowSignup: boolean } | undefined;
  publicUrl: string | undefined;
  presignedUrlSeconds: number;
  gcIntervalMinutes: number;
  /** Days after its last update an artifact expires, unless its namespace overrides it; undefined: kept. */
  retentionDays: number | undefined;
  /**
   * How old stored bytes no row knows about must be before the sweep deletes them: longer than
   * any upload takes from its last byte to its commit.
   */
  orphanGraceMinutes: number;
  directUploadMaxBytes: number;
  /** Where new uploads go. Versions already stored keep their own backend. */
  storageBackend: "fs" | "s3";
  /** S3 settings, or undefined when S3_BUCKET is unset. */
  s3: TS3Config | undefined;
  /** Bearer token that GET /metrics asks for; undefined: the endpoint does not exist. */
  metricsToken: string | undefined;
  /** The request log: one human line per request, or one JSON object. */
  logFormat: "text" | "json";
  /** Most bytes of text (or base64) one MCP tool result or resource read carries (/api/mcp). */
  mcpResultMaxBytes: number;
  /** Largest MCP request body (/api/mcp): a JSON-RPC message is parsed whole, so it is bounded. */
  mcpRequestMaxBytes: number;
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
  const storageBackend = e.STOWAGE_STORAGE_BACKEND ?? (e.S3_BUCKET ? "s3" : "fs");
  if (storageBackend !== "fs" && storageBackend !== "s3") {
    throw new ConfigError(`invalid configuration: STOWAGE_STORAGE_BACKEND: unknown storage backend "${storageBackend}" (known: fs, s3)`);
  }
  if (storageBackend === "s3" && !e.S3_BUCKET) {
    throw new ConfigError("invalid configuration: STOWAGE_STORAGE_BACKEND is s3 but S3_BUCKET is not set");
  }
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      "invalid configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default credentials)",
    );
  }
  if (!e.STOWAGE_ADMIN_EMAIL !== !e.STOWAGE_ADMIN_PASSWORD) {
    throw new ConfigError("invalid configuration: set both STOWAGE_ADMIN_EMAIL and STOWAGE_ADMIN_PASSWORD, or neither");
  }
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3) {
    throw new ConfigError("invalid configuration: OIDC sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
  }
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "stowage.db")}`,
    maxUploadBytes: e.ARTIFACT_MAX_SIZE_MB * 1024 * 1024,
    quotaDefaultBytes: e.ARTIFACT_QUOTA_DEFAULT_MB * 1024 * 1024,
    shareUrlMaxSeconds: e.SHARE_URL_MAX_SECONDS,
    adminKey: e.STOWAGE_ADMIN_KEY,
    adminCredentials: e.STOWAGE_ADMIN_EMAIL
      ? { email: e.STOWAGE_ADMIN_EMAIL.toLowerCase(), password: e.STOWAGE_ADMIN_PASSWORD! }
      : undefined,
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET,
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET!,
          name: e.OIDC_NAME,
          allowSignup: e.OIDC_ALLOW_SIGNUP,
        }
      : undefined,
    publicUrl: e.STOWAGE_PUBLIC_URL,
    presignedUrlSeconds: e.PRESIGNED_URL_EXPIRY_SECONDS,
    gcIntervalMinutes: e.ARTIFACT_GC_INTERVAL_MINUTES,
    retentionDays: e.ARTIFACT_RETENTION_DAYS,
    orphanGraceMinutes: e.ARTIFACT_ORPHAN_GRACE_MINUTES,
    directUploadMaxBytes: e.ARTIFACT_DIRECT_UPLOAD_MAX_SIZE_MB * 1024 * 1024,
    storageBackend,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          publicEndpoint: e.S3_PUBLIC_ENDPOINT,
          region: e.S3_REGION,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
          credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : undefined,
        }
      : undefined,
    metricsToken: e.STOWAGE_METRICS_TOKEN,
    logFormat: e.LOG_FORMAT,
    mcpResultMaxBytes: e.MCP_RESULT_MAX_KB * 1024,
    mcpRequestMaxBytes: e.MCP_REQUEST_MAX_MB * 1024 * 1024,
  };
}

const cache = () => processState("config", () => ({ config: undefined as TConfig | undefined }));

/** Configuration from the environment (Next.js loads `.env` into it), validated once per process. */
export function getConfig(): TConfig {
  return (cache().config ??= loadConfig(process.env));
}

/** For tests that change the environment between cases. */
export function resetConfigForTests(): void {
  cache().config = undefined;
}
