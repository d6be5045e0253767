import { z } from "zod";
import { operation } from "./operation.ts";

export const getOpenApiDocumentOp = operation({
  id: "getOpenApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "Reference",
  summary: "This document: the OpenAPI 3.1 description of /api/v1",
  auth: "public",
  responses: {
    200: { description: "The document.", schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
  },
  errors: [],
});

export const REFERENCE_OPERATIONS = [getOpenApiDocumentOp];
