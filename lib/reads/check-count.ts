import { validationFailed } from "../errors.ts";

/** A count option within bounds, or ARTIFACT_VALIDATION_FAILED naming it: callers beside HTTP (MCP) get the contract's checks too. */
export function checkCount(value: number | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw validationFailed(`${field} must be ${min} to ${max}`, { field });
  return value;
}
