import { z } from "zod";
import { parseAliasName } from "../aliases/alias-name.ts";
import { operation, type TOperation } from "./operation.ts";
import { ZVersion } from "./common.ts";

const TAG = "Aliases";

/** An alias name in a path or query, by lib's one rule for them. */
export const ZAliasName = z
  .string()
  .transform((value) => parseAliasName(value))
  .meta({
    description: "An alias: 1–64 lowercase letters, digits and . _ -, not a number and not `latest` (which is implicit).",
    example: "production",
  });

/** `?alias=`, beside `?version=` wherever a version is read. */
export const ZAliasQuery = ZAliasName.optional().meta({
  description: "An alias (production): the version it points to, instead of `version` (give one of them).",
  example: "production",
});

export const ZAlias = z
  .strictObject({
    name: z.string(),
    version: z.number().int().min(0),
    protected: z.boolean().meta({ description: "While true, the version cannot be deleted and the artifact does not expire." }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: "Alias",
    description: "A named, movable pointer to one version of an artifact.",
    example: {
      name: "production",
      version: 3,
      protected: true,
      createdAt: "2026-12-01T10:00:00.000Z",
      updatedAt: "2026-12-02T09:00:00.000Z",
    },
  });

const ZAliasParams = z.strictObject({
  id: z.string().meta({ description: "The artifact's id." }),
  name: z
    .string()
    .transform((value) => parseAliasName(value, "name"))
    .meta({ description: ZAliasName.meta()?.description, example: "production" }),
});
const ZAliasResponse = z.strictObject({ alias: ZAlias }).meta({ id: "AliasResponse" });

export const listAliasesOp = operation({
  id: "listAliases",
  method: "GET",
  path: "/api/v1/artifacts/{id}/aliases",
  tag: TAG,
  summary: "The artifact's aliases, by name",
  auth: "key",
  params: z.strictObject({ id: z.string().meta({ description: "The artifact's id." }) }),
  responses: {
    200: { description: "Every alias of the artifact.", schema: z.strictObject({ aliases: z.array(ZAlias) }).meta({ id: "AliasList" }) },
  },
  errors: ["ARTIFACT_NOT_FOUND"],
});

export const getAliasOp = operation({
  id: "getAlias",
  method: "GET",
  path: "/api/v1/artifacts/{id}/aliases/{name}",
  tag: TAG,
  summary: "One alias with the version it points to",
  auth: "key",
  params: ZAliasParams,
  responses: {
    200: {
      description: "The alias and its version's metadata.",
      schema: z.strictObject({ alias: ZAlias, version: ZVersion }).meta({ id: "AliasWithVersion" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const setAliasOp = operation({
  id: "setAlias",
  method: "PUT",
  path: "/api/v1/artifacts/{id}/aliases/{name}",
  tag: TAG,
  summary: "Point an alias at a version: create it or move it (writers)",
  description:
    "`protected` left out keeps what the alias had (a new alias is unprotected). A protected alias keeps its version from deletion (409 ARTIFACT_VERSION_PROTECTED) and its artifact from expiry until it moves or is removed. Audited as alias.set.",
  auth: "key",
  params: ZAliasParams,
  body: {
    json: z.strictObject({
      version: z.number().int().min(0).max(2_147_483_647).meta({ description: "The version the alias points to." }),
      protected: z.boolean().optional(),
    }),
    example: { version: 3, protected: true },
  },
  responses: {
    201: { description: "Created.", schema: ZAliasResponse },
    200: { description: "Moved (or its protection changed).", schema: ZAliasResponse },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const deleteAliasOp = operation({
  id: "deleteAlias",
  method: "DELETE",
  path: "/api/v1/artifacts/{id}/aliases/{name}",
  tag: TAG,
  summary: "Remove an alias (writers); its version stays",
  auth: "key",
  params: ZAliasParams,
  responses: { 204: { description: "Removed. Audited as alias.delete." } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const ALIAS_OPERATIONS: TOperation[] = [listAliasesOp, getAliasOp, setAliasOp, deleteAliasOp];
