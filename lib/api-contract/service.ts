import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";

const TAG = "Service";

export const getHealthOp = operation({
  id: "getHealth",
  method: "GET",
  path: "/api/v1/health",
  tag: TAG,
  summary: "Liveness: the process answers and reaches its database",
  auth: "public",
  responses: {
    200: { description: "Up.", schema: z.strictObject({ status: z.literal("ok") }).meta({ id: "Health" }) },
    503: {
      description: "The database does not answer.",
      schema: z.strictObject({ status: z.literal("degraded"), database: z.literal("unreachable") }).meta({ id: "HealthDegraded" }),
    },
  },
  errors: [],
});

const ZCheck = z.strictObject({
  ok: z.boolean(),
  ms: z.number().int().min(0).meta({ description: "How long the check took." }),
  reason: z.string().optional().meta({ description: "Why it failed: an error code or a timeout, never hosts or credentials." }),
});

const ZReadiness = z
  .strictObject({
    status: z.enum(["ready", "not_ready"]),
    checks: z.strictObject({ database: ZCheck, storage: ZCheck.extend({ backend: z.enum(["fs", "s3"]) }) }),
  })
  .meta({
    id: "Readiness",
    example: { status: "ready", checks: { database: { ok: true, ms: 2 }, storage: { ok: true, ms: 1, backend: "fs" } } },
  });

export const getReadinessOp = operation({
  id: "getReadiness",
  method: "GET",
  path: "/api/v1/ready",
  tag: TAG,
  summary: "Readiness: the database and the store new uploads go to answer in time",
  auth: "public",
  responses: {
    200: { description: "Ready to serve uploads.", schema: ZReadiness },
    503: { description: "A check failed; `checks` says which.", schema: ZReadiness },
  },
  errors: [],
});

export const completeSetupOp = operation({
  id: "completeSetup",
  method: "POST",
  path: "/api/v1/setup",
  tag: TAG,
  summary: "First run: an admin API key gives its admin a dashboard email and password",
  description: "Open only while no identity can sign in with a password; the admin key proves the caller may claim the install.",
  auth: "public",
  body: {
    json: z.strictObject({
      adminKey: z.string().min(1).max(200).meta({ description: "An admin API key of this server." }),
      email: z.string().trim().email(),
      password: z.string().max(256),
    }),
    example: { adminKey: "stw_…", email: "admin@example.com", password: "a long passphrase" },
  },
  responses: {
    201: {
      description: "The admin can sign in now.",
      schema: z
        .strictObject({ identity: z.string().meta({ description: "The admin's name." }), email: z.string() })
        .meta({ id: "SetupResult" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "FORBIDDEN"],
});

export const SERVICE_OPERATIONS: TOperation[] = [getHealthOp, getReadinessOp, completeSetupOp];
