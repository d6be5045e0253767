import { ARTIFACT_OPERATIONS } from "./artifacts.ts";
import { ADMIN_OPERATIONS } from "./admin.ts";
import { SHARING_OPERATIONS } from "./sharing.ts";
import { UPLOAD_OPERATIONS } from "./uploads.ts";
import { RUN_OPERATIONS } from "./runs.ts";
import { LINEAGE_OPERATIONS } from "./lineage.ts";
import { SERVICE_OPERATIONS } from "./service.ts";
import { REFERENCE_OPERATIONS } from "./reference.ts";
import { READ_OPERATIONS } from "./reads.ts";
import { ALIAS_OPERATIONS } from "./aliases.ts";
import { RETENTION_OPERATIONS } from "./retention.ts";
import type { TOperation } from "./operation.ts";

/** Every `/api/v1` operation: what the routes validate with and what openapi.json documents. */
export const API_OPERATIONS: readonly TOperation[] = [
  ...ARTIFACT_OPERATIONS,
  ...UPLOAD_OPERATIONS,
  ...SHARING_OPERATIONS,
  ...RUN_OPERATIONS,
  ...LINEAGE_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...SERVICE_OPERATIONS,
  ...REFERENCE_OPERATIONS,
  ...READ_OPERATIONS,
  ...ALIAS_OPERATIONS,
  ...RETENTION_OPERATIONS,
];
