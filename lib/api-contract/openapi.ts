import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { ZErrorResponse } from "./common.ts";
import { API_OPERATIONS } from "./index.ts";
import { exampleFor } from "./openapi-example.ts";
import type { TOperation } from "./operation.ts";

type TJson = Record<string, unknown>;

/** Codes any authenticated operation may answer with, so they are not repeated on each. */
const COMMON_ERRORS: ErrorCode[] = ["UNAUTHENTICATED", "INTERNAL_ERROR"];

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the contract: every operation with its
 * parameters, bodies, responses, error codes, examples and auth scheme. Schemas with an id
 * become components, so the same shape is described once.
 */
export function buildOpenApiDocument(options: { version: string; operations?: readonly TOperation[] }): TJson {
  const components: Record<string, unknown> = {};
  const schemaOf = (schema: z.ZodType, io: "input" | "output") => {
    const { $schema: _, $defs, ...root } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as TJson;
    // zod puts schemas with an id under $defs; OpenAPI shares them as components.
    const relink = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as TJson;
    for (const [id, def] of Object.entries(($defs as TJson | undefined) ?? {})) components[id] ??= relink(def);
    return relink(root);
  };

  schemaOf(ZErrorResponse, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of options.operations ?? API_OPERATIONS) {
    const parameters: TJson[] = [];
    const addParameters = (where: "path" | "query", object: z.ZodObject | undefined) => {
      for (const [name, field] of Object.entries(object?.shape ?? {})) {
        const { description, ...schema } = schemaOf(field as z.ZodType, "input");
        const required = where === "path" || !acceptsMissing(field as z.ZodType);
        const example = exampleFor(schema, components, name);
        parameters.push({ name, in: where, required, ...(description ? { description } : {}), schema, example });
      }
    };
    addParameters("path", op.params);
    addParameters("query", op.query);
    for (const { prefix, description } of op.queryPrefixes ?? []) {
      parameters.push({
        name: `${prefix}{key}`,
        in: "query",
        required: false,
        description,
        schema: { type: "string" },
        style: "form",
        explode: true,
      });
    }
    for (const [name, description] of Object.entries(op.headers ?? {})) {
      parameters.push({ name, in: "header", required: false, description, schema: { type: "string" } });
    }

    const responses: TJson = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const json = r.schema ? schemaOf(r.schema, "output") : undefined;
      const content = json
        ? { "application/json": { schema: json, example: r.example ?? exampleFor(json, components) } }
        : r.contentType
          ? { [r.contentType]: { schema: { type: "string", contentMediaType: r.contentType } } }
          : undefined;
      const headers = r.headers
        ? Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]))
        : undefined;
      responses[status] = { description: r.description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
    }
    const errors = [
      ...new Set([
        ...op.errors,
        ...(op.auth === "public" ? ["INTERNAL_ERROR" as const] : COMMON_ERRORS),
        ...(op.auth === "admin" ? ["FORBIDDEN" as const] : []),
      ]),
    ];
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of errors) {
      const status = ERROR_STATUS[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    // ARTIFACT_VERSION_CONFLICT answers 412 when a precondition header failed.
    if (errors.includes("ARTIFACT_VERSION_CONFLICT") && op.headers?.["If-Match"]) byStatus.set(412, ["ARTIFACT_VERSION_CONFLICT"]);
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] ??= {
        description: `Error: ${codes.join(", ")}.`,
        content: {
          "application/json": { schema: errorSchemaFor(codes), example: { error: { code: codes[0], message: messageOf(codes[0]!) } } },
        },
      };
    }

    const body = op.body;
    const bodyContent: TJson = {};
    if (body?.json) {
      const json = schemaOf(body.json, "input");
      bodyContent["application/json"] = { schema: json, example: body.example ?? exampleFor(json, components) };
    }
    if (body?.multipart) bodyContent["multipart/form-data"] = { schema: schemaOf(body.multipart, "input") };
    if (body?.raw) bodyContent["*/*"] = { schema: { type: "string", contentMediaType: "application/octet-stream" } };
    const requestBody = body
      ? { required: !body.optional, content: bodyContent, ...(body.raw ? { description: body.raw } : {}) }
      : undefined;

    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      security: op.auth === "public" ? [] : [{ apiKey: [] }, { session: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      ...(op.auth === "admin" ? { "x-stowage-admin-only": true } : {}),
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Stowage API",
      version: options.version,
      description:
        'Versioned artifact storage for AI agents. Every error is `{"error": {"code", "message", …details}}` with the code\'s HTTP status.',
    },
    servers: [{ url: "/" }],
    tags: [...new Set((options.operations ?? API_OPERATIONS).map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer stw_…`." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The dashboard's session cookie; requests that change something also need the X-Stowage-CSRF header.",
        },
      },
    },
  };
}

/** A parameter is optional when its schema takes it being left out. */
function acceptsMissing(schema: z.ZodType): boolean {
  try {
    return schema.safeParse(undefined).success;
  } catch {
    return false; // a transform that refuses it by throwing
  }
}

/** An error's example message: its code in words ("ARTIFACT_NOT_FOUND" → "artifact not found"). */
const messageOf = (code: ErrorCode) => code.toLowerCase().replaceAll("_", " ");

/** The one error shape, narrowed to the codes this status can carry here. */
function errorSchemaFor(codes: ErrorCode[]): TJson {
  return {
    allOf: [
      { $ref: "#/components/schemas/Error" },
      { type: "object", properties: { error: { type: "object", properties: { code: { enum: codes } } } } },
    ],
  };
}
