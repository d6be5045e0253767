import { z } from "zod";
import { normalizeArtifactName, normalizeClientId } from "../artifacts/artifact-name.ts";
import { parseExpiresAt, parseMetadata, parseTags } from "../artifacts/artifact-fields.ts";
import { MAX_DERIVED_FROM, parseDerivedFrom, parseProducerName } from "../lineage/lineage-fields.ts";
import { ZDerivedFromInput, ZProducerName } from "./lineage.ts";

/**
 * A publish's fields, described once. They arrive as text (multipart parts, a raw body's query)
 * or as JSON (a direct upload's start); the operations document those two forms, and every
 * publish runs ZPublishFields, which is the same shapes followed by lib's rule for each field.
 */

const ZText = z.string().min(1).max(1024);

/** The fields as text: the parts of a multipart body, the query of a raw one. */
export const PUBLISH_TEXT_FIELDS = {
  namespace: ZText.meta({ description: "The namespace to publish in." }),
  name: z
    .string()
    .max(4096)
    .meta({ description: "The artifact's name, with / between folders (at most 1024 bytes); defaults to the file's name." }),
  sessionId: ZText.meta({ description: "The session the artifact belongs to." }),
  runId: ZText.meta({ description: "The run publishing (or X-Stowage-Run)." }),
  tags: z.string().max(8192).meta({ description: "A JSON array or a comma-separated list (at most 50 tags)." }),
  metadata: z
    .string()
    .max(64 * 1024)
    .meta({ description: "A JSON object (at most 16 KiB)." }),
  expiresAt: z
    .string()
    .max(64)
    .meta({ description: "When the artifact expires: an ISO 8601 instant with a zone, in the future.", format: "date-time" }),
  tool: ZProducerName("tool"),
  model: ZProducerName("model"),
  derivedFrom: z
    .string()
    .max(16 * 1024)
    .meta({
      description: `The versions this one was made from, as JSON: [{ "artifactId": "…", "version": 0 }] (at most ${MAX_DERIVED_FROM}); each must exist and be readable by the publisher.`,
    }),
  skipIfUnchanged: z.enum(["true", "false", "1", "0"]).meta({
    description:
      "true: when the bytes equal the latest version's, publish nothing and answer that version (200, Stowage-Unchanged: true); nothing is charged or changed.",
  }),
};

/** The fields as JSON: where text has JSON inside, the value itself is accepted too. */
export const PUBLISH_JSON_FIELDS = {
  ...PUBLISH_TEXT_FIELDS,
  tags: z
    .union([z.array(z.string()), PUBLISH_TEXT_FIELDS.tags], { error: "must be an array of strings or a comma-separated list" })
    .meta({ description: "An array or a comma-separated list (at most 50 tags)." }),
  metadata: z.record(z.string(), z.unknown()).meta({ description: "A JSON object (at most 16 KiB)." }),
  derivedFrom: ZDerivedFromInput,
  skipIfUnchanged: z.union([z.boolean(), PUBLISH_TEXT_FIELDS.skipIfUnchanged]).meta({
    description: PUBLISH_TEXT_FIELDS.skipIfUnchanged.description,
  }),
};

/** An optional field checked by its shape, then by lib's rule, which also normalizes it. */
const ruled = <T>(shape: z.ZodType, rule: (value: unknown) => T) =>
  shape.optional().transform((value) => (value === undefined ? undefined : rule(value)));

const either = (text: z.ZodType, json: z.ZodType, what: string) => z.union([json, text], { error: `must be ${what}` });

/** What every publish runs on its fields, whichever form they came in. */
export const ZPublishFields = z.object({
  namespace: z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : undefined) })
    .min(1, "is required")
    .max(1024),
  // An empty name (an HTML form's empty input) means "use the file's name".
  name: ruled(PUBLISH_TEXT_FIELDS.name, (value) => (value === "" ? undefined : normalizeArtifactName(value))),
  sessionId: ruled(PUBLISH_TEXT_FIELDS.sessionId, (value) => normalizeClientId(value, "sessionId")),
  runId: ruled(PUBLISH_TEXT_FIELDS.runId, (value) => normalizeClientId(value, "runId")),
  tags: ruled(PUBLISH_JSON_FIELDS.tags, parseTags),
  metadata: ruled(either(PUBLISH_TEXT_FIELDS.metadata, PUBLISH_JSON_FIELDS.metadata, "a JSON object or its JSON text"), parseMetadata),
  expiresAt: ruled(PUBLISH_TEXT_FIELDS.expiresAt, (value) => parseExpiresAt(value)),
  tool: ruled(PUBLISH_TEXT_FIELDS.tool, (value) => parseProducerName(value, "tool")),
  model: ruled(PUBLISH_TEXT_FIELDS.model, (value) => parseProducerName(value, "model")),
  derivedFrom: ruled(
    either(PUBLISH_TEXT_FIELDS.derivedFrom, PUBLISH_JSON_FIELDS.derivedFrom, "an array of { artifactId, version } or its JSON text"),
    parseDerivedFrom,
  ),
  skipIfUnchanged: ruled(PUBLISH_JSON_FIELDS.skipIfUnchanged, (value) => value === true || value === "true" || value === "1"),
});

/** The fields as they come in, before ZPublishFields. */
export type TPublishFieldsInput = z.input<typeof ZPublishFields>;
