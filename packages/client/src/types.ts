import type { components, operations } from "./generated/api-types.js";

/** The SDK's public shapes: names for the contract's schemas, never copies of them. */
type Schemas = components["schemas"];

export type Artifact = Schemas["Artifact"];
export type Version = Schemas["Version"];
export type ArtifactPage = Schemas["ArtifactPage"];
export type VersionPage = Schemas["VersionPage"];
export type Published = Schemas["Published"] & {
  /** With skipIfUnchanged: true when the bytes were the latest version's, so `version` is that one and nothing was published. */
  unchanged?: boolean;
};
export type NewShareLink = Schemas["NewShareLink"];
export type DownloadUrl = Schemas["DownloadUrl"];
export type NamespaceUsage = Schemas["NamespaceUsage"];
export type Me = Schemas["Me"];
/** A direct upload (a large file sent in parts): its state and, while pending, the parts stored. */
export type DirectUpload = Schemas["DirectUpload"];
export type PartUrls = Schemas["PartUrls"];
export type StartUploadBody = operations["startUpload"]["requestBody"]["content"]["application/json"];
export type ErrorResponse = Schemas["Error"];
/** Every code the server answers with (the contract's enum). */
export type ApiErrorCode = ErrorResponse["error"]["code"];

type ListQuery = NonNullable<operations["listArtifacts"]["parameters"]["query"]>;

/** `artifacts.list` / `listPage` filters: the contract's query, with numbers and metadata as values. */
export type ListFilter = Pick<ListQuery, "namespace" | "sessionId" | "runId" | "tag" | "name" | "cursor"> & {
  /** Page size (1 to 200). For `list`, only how many come per request. */
  limit?: number;
  /** `metadata.<key>=<value>` filters: every entry must match the latest version's metadata. */
  metadata?: Record<string, string>;
  signal?: AbortSignal;
};

/** An artifact by what clients know: its namespace, its exact name, and its session if it has one. */
export type ArtifactKey = operations["lookupArtifact"]["parameters"]["query"];
export type LookupQuery = ArtifactKey & { signal?: AbortSignal };

export type PageOptions = { limit?: number; cursor?: string; signal?: AbortSignal };
