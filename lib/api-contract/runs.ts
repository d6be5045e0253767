import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";
import { ZArtifact, ZCursor, ZLimit, ZNextCursor, ZTimeBound, ZVersion } from "./common.ts";

const TAG = "Runs and sessions";
const ZInstant = z.iso.datetime();
const ZText = z.string().min(1).max(1024);
// Run and session ids are unique per namespace only, so their views need one ("namespace: is
// required", as near as a field's message gets to the "namespace is required" of before).
const ZViewNamespace = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : undefined) })
  .min(1, "is required")
  .max(1024)
  .meta({ description: "The namespace the run or session is in." });

const ZRunsQuery = z.strictObject({
  namespace: ZText.optional().meta({ description: "Only this namespace." }),
  sessionId: ZText.optional().meta({ description: "Only this session's runs (needs namespace)." }),
  from: ZTimeBound("from", "Created at or after"),
  to: ZTimeBound("to", "Created before"),
  limit: ZLimit,
  cursor: ZCursor,
});
const viewQuery = z.strictObject({ namespace: ZViewNamespace, limit: ZLimit, cursor: ZCursor });

const ZRun = z
  .strictObject({
    id: z.string().meta({ description: "The run id clients give (unique within its namespace)." }),
    key: z.string().meta({ description: "The run's own id, unique everywhere (the dashboard's /runs/{key})." }),
    namespace: z.string(),
    sessionKey: z.string().nullable().meta({ description: "The session's own id." }),
    sessionId: z.string().nullable(),
    createdAt: ZInstant,
    artifactCount: z.number().int().min(0).meta({ description: "Live artifacts the run published a version of." }),
    versionCount: z.number().int().min(0).meta({ description: "Versions of those the run published." }),
  })
  .meta({ id: "Run" });

const ZSession = z
  .strictObject({
    id: z.string().meta({ description: "The session id clients give (unique within its namespace)." }),
    key: z.string().meta({ description: "The session's own id, unique everywhere." }),
    namespace: z.string(),
    createdAt: ZInstant,
    runCount: z.number().int().min(0),
  })
  .meta({ id: "Session" });

export const listRunsOp = operation({
  id: "listRuns",
  method: "GET",
  path: "/api/v1/runs",
  tag: TAG,
  summary: "Runs the caller can see, newest first, with what each published",
  auth: "key",
  query: ZRunsQuery,
  responses: {
    200: {
      description: "A page of runs.",
      schema: z.strictObject({ runs: z.array(ZRun), nextCursor: ZNextCursor }).meta({ id: "RunPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listSessionsOp = operation({
  id: "listSessions",
  method: "GET",
  path: "/api/v1/sessions",
  tag: TAG,
  summary: "Sessions the caller can see, newest first, with their run counts",
  auth: "key",
  query: ZRunsQuery.omit({ sessionId: true }),
  responses: {
    200: {
      description: "A page of sessions.",
      schema: z.strictObject({ sessions: z.array(ZSession), nextCursor: ZNextCursor }).meta({ id: "SessionPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listRunArtifactsOp = operation({
  id: "listRunArtifacts",
  method: "GET",
  path: "/api/v1/runs/{runId}/artifacts",
  tag: TAG,
  summary: "What a run published: its artifacts, each with the versions this run published",
  auth: "key",
  params: z.strictObject({ runId: z.string().meta({ description: "The run id clients give." }) }),
  query: viewQuery,
  responses: {
    200: {
      description: "The run and a page of its artifacts, newest first.",
      schema: z
        .strictObject({
          run: z.strictObject({ id: z.string(), namespace: z.string(), sessionId: z.string().nullable(), createdAt: ZInstant }),
          artifacts: z.array(
            ZArtifact.extend({
              runVersions: z.array(ZVersion).meta({ description: "The versions this run published, newest first." }),
            }).meta({
              id: "RunArtifact",
            }),
          ),
          nextCursor: ZNextCursor,
        })
        .meta({ id: "RunArtifacts" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listSessionArtifactsOp = operation({
  id: "listSessionArtifacts",
  method: "GET",
  path: "/api/v1/sessions/{sessionId}/artifacts",
  tag: TAG,
  summary: "A session's roll-up: its own artifacts and everything its runs published",
  auth: "key",
  params: z.strictObject({ sessionId: z.string().meta({ description: "The session id clients give." }) }),
  query: viewQuery,
  responses: {
    200: {
      description: "The session with its runs (newest first) and a page of artifacts, newest first.",
      schema: z
        .strictObject({
          session: z.strictObject({
            id: z.string(),
            namespace: z.string(),
            createdAt: ZInstant,
            runs: z.array(z.strictObject({ id: z.string(), createdAt: ZInstant })),
          }),
          artifacts: z.array(ZArtifact),
          nextCursor: ZNextCursor,
        })
        .meta({ id: "SessionArtifacts" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const RUN_OPERATIONS: TOperation[] = [listRunsOp, listSessionsOp, listRunArtifactsOp, listSessionArtifactsOp];
