import { artifactAlias } from "./alias-tool.js";
import { artifactList, artifactVersions } from "./list-tools.js";
import { artifactRead } from "./read-tool.js";
import { artifactDiff, artifactGrep } from "./search-tools.js";
import type { ToolDefinition } from "./tool-kit.js";
import { artifactAppend, artifactDelete, artifactShare, artifactUpload } from "./write-tools.js";

/** The ten tools, in the order clients list them; their names are fixed (DESIGN.md, Clients; artifact_alias came later). */
export const TOOLS: ToolDefinition[] = [
  artifactUpload,
  artifactList,
  artifactRead,
  artifactGrep,
  artifactVersions,
  artifactDiff,
  artifactAppend,
  artifactShare,
  artifactDelete,
  artifactAlias,
];
