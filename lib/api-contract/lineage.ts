import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";
import { ZCursor, ZLimit, ZNextCursor, ZVersionNumber } from "./common.ts";
import { MAX_DERIVED_FROM, PRODUCER_NAME_PATTERN } from "../lineage/lineage-fields.ts";

const TAG = "Lineage";
/** readBy lists at most this many runs. */
export const READ_BY_LIMIT = 100;
const ZInstant = z.iso.datetime();

/** A tool or model name given with a publish. */
export const ZProducerName = (what: string) =>
  z
    .string()
    .regex(PRODUCER_NAME_PATTERN, "must be 1 to 128 letters, digits, spaces or . _ : / @ + ( ) = -, starting with a letter or digit")
    .meta({ description: `The ${what} that produced the version (1 to 128 characters).` });

/** One input a publish names. */
export const ZInputRef = z
  .strictObject({
    artifactId: z.string().min(1).max(64),
    version: z.number().int().min(0),
  })
  .meta({ id: "InputRef" });

/** What a publish was derived from: each must exist and be readable by the publisher. */
export const ZDerivedFromInput = z
  .array(ZInputRef)
  .max(MAX_DERIVED_FROM)
  .meta({
    description: `The versions this one was made from (at most ${MAX_DERIVED_FROM}). Each must exist and be readable by the publisher, else ARTIFACT_VALIDATION_FAILED and nothing is published.`,
  });

/** The publish headers and fields that say what produced a version, documented once for every publish form. */
export const PRODUCER_HEADERS = {
  "X-Stowage-Run": "The run publishing (the `runId` field wins when both are given).",
  "X-Stowage-Tool": "The tool publishing (the `tool` field wins when both are given).",
  "X-Stowage-Model": "The model publishing (the `model` field wins when both are given).",
};

/** Downloads that carry a run record the read as the run's input. */
export const RUN_READ_HEADER = {
  "X-Stowage-Run":
    "The reading run's id (or the `runId` query parameter): the read is recorded as that run's input, once, on the run of that id in the artifact's namespace (created there if needed).",
};

const ZLineageVersion = z
  .strictObject({
    artifactId: z.string(),
    namespace: z.string(),
    name: z.string(),
    sessionId: z.string().nullable(),
    version: z.number().int(),
    createdAt: ZInstant,
  })
  .meta({ id: "LineageVersion" });

const ZLineageRun = z
  .strictObject({
    runId: z.string().meta({ description: "The run id clients give." }),
    key: z.string().meta({ description: "The run's own id, unique everywhere (the dashboard's /runs/{key})." }),
    namespace: z.string(),
    readAt: ZInstant.meta({ description: "The run's first read of the version." }),
  })
  .meta({ id: "LineageRun" });

const ZLineage = z
  .strictObject({
    artifactId: z.string(),
    version: z.number().int(),
    producedBy: z.strictObject({
      run: z.string().nullable().meta({ description: "The run that published it." }),
      identity: z.string().meta({ description: "Who published it." }),
      tool: z.string().nullable(),
      model: z.string().nullable(),
      createdAt: ZInstant,
    }),
    derivedFrom: z.array(ZLineageVersion).meta({
      description: "The inputs the publish named that still exist and that the caller can read (deleted inputs drop out).",
    }),
    readBy: z.array(ZLineageRun).meta({
      description: `Runs that downloaded this version, newest first (at most ${READ_BY_LIMIT}); empty unless the caller can read the artifact's namespace.`,
    }),
  })
  .meta({ id: "Lineage" });

export const getVersionLineageOp = operation({
  id: "getVersionLineage",
  method: "GET",
  path: "/api/v1/artifacts/{id}/versions/{version}/lineage",
  tag: TAG,
  summary: "What produced a version, what it was derived from and which runs read it",
  auth: "key",
  params: z.strictObject({ id: z.string().meta({ description: "The artifact's id." }), version: ZVersionNumber }),
  responses: {
    200: {
      description: "The version's lineage, showing only what the caller can read.",
      schema: ZLineage,
      example: {
        artifactId: "01jf0d7m5k2x9q3w8e4r6t1y0u",
        version: 2,
        producedBy: {
          run: "run-42",
          identity: "planner",
          tool: "stowage-cli/1.0",
          model: "claude-sonnet-4",
          createdAt: "2026-12-07T10:00:00.000Z",
        },
        derivedFrom: [
          {
            artifactId: "01jf0d6a1b2c3d4e5f6g7h8j9k",
            namespace: "ring:shared",
            name: "datasets/train.csv",
            sessionId: null,
            version: 0,
            createdAt: "2026-12-06T09:00:00.000Z",
          },
        ],
        readBy: [{ runId: "run-43", key: "01jf0d8q2w3e4r5t6y7u8i9o0p", namespace: "agent:planner", readAt: "2026-12-07T11:00:00.000Z" }],
      },
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const listRunInputsOp = operation({
  id: "listRunInputs",
  method: "GET",
  path: "/api/v1/runs/{runId}/inputs",
  tag: TAG,
  summary: "What a run read: the versions it downloaded, newest first",
  description: "Recorded from downloads that carried X-Stowage-Run (or ?runId=), once per version.",
  auth: "key",
  params: z.strictObject({ runId: z.string().meta({ description: "The run id clients give." }) }),
  query: z.strictObject({
    namespace: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : undefined) })
      .min(1, "is required")
      .max(1024)
      .meta({ description: "The namespace the run is in." }),
    limit: ZLimit,
    cursor: ZCursor,
  }),
  responses: {
    200: {
      description: "The run and a page of what it read.",
      schema: z
        .strictObject({
          run: z.strictObject({ id: z.string(), namespace: z.string(), sessionId: z.string().nullable(), createdAt: ZInstant }),
          inputs: z.array(ZLineageVersion.extend({ readAt: ZInstant }).meta({ id: "RunInput" })),
          nextCursor: ZNextCursor,
        })
        .meta({ id: "RunInputs" }),
      example: {
        run: { id: "run-43", namespace: "agent:planner", sessionId: null, createdAt: "2026-12-07T10:59:00.000Z" },
        inputs: [
          {
            artifactId: "01jf0d7m5k2x9q3w8e4r6t1y0u",
            namespace: "agent:planner",
            name: "report.md",
            sessionId: null,
            version: 2,
            createdAt: "2026-12-07T10:00:00.000Z",
            readAt: "2026-12-07T11:00:00.000Z",
          },
        ],
        nextCursor: null,
      },
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const LINEAGE_OPERATIONS: TOperation[] = [getVersionLineageOp, listRunInputsOp];
