// @stowage/client: the TypeScript SDK. Later entry points (the CLI, MCP, ADK) build on these exports.
export { Stowage } from "./stowage.js";
export { StowageError } from "./errors.js";
export type { ClientErrorCode, StowageErrorCode } from "./errors.js";
export type { StowageOptions } from "./config.js";
export type { InputRef, PublishOptions } from "./publish.js";
export type { Lineage, LineageVersion } from "./lineage.js";
export type { PublishData, Progress } from "./publish-body.js";
export type { ArtifactsApi, DeleteOptions, DownloadOptions, ShareOptions, UpdateOptions, UrlOptions } from "./artifacts.js";
export type { Alias, AliasWithVersion, SetAliasOptions, SetAliasResult } from "./aliases.js";
export type { ContentRange, DownloadBody } from "./download-body.js";
export type {
  DiffOptions,
  DiffResult,
  GrepMatch,
  GrepOptions,
  GrepResult,
  ReadRun,
  SessionGrepOptions,
  SessionGrepResult,
  TextLine,
  TextOptions,
  TextPage,
  VersionChoice,
} from "./reads.js";
export type { UploadsApi } from "./direct-upload.js";
export type { ActivityFilter, Run, RunFilter, RunPage, RunsApi, Session, SessionPage, SessionsApi } from "./runs.js";
export type { RunInput, RunInputs, RunInputsQuery } from "./runs.js";
export type {
  ApiErrorCode,
  Artifact,
  ArtifactKey,
  ArtifactPage,
  DirectUpload,
  DownloadUrl,
  ErrorResponse,
  ListFilter,
  LookupQuery,
  Me,
  NamespaceUsage,
  NewShareLink,
  PageOptions,
  Published,
  Version,
  VersionPage,
} from "./types.js";
export type { components, operations, paths } from "./generated/api-types.js";
