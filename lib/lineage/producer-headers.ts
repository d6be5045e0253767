import type { TPublishFields } from "../artifacts/publish-input.ts";

/**
 * The run, tool and model a publish names in headers (X-Stowage-Run, X-Stowage-Tool,
 * X-Stowage-Model): defaults for the fields of the same meaning, which win when both are given.
 * Validated with the fields.
 */
export function producerDefaults(headers: Headers): Pick<TPublishFields, "runId" | "tool" | "model"> {
  const defaults: Pick<TPublishFields, "runId" | "tool" | "model"> = {};
  const run = headers.get("x-stowage-run");
  const tool = headers.get("x-stowage-tool");
  const model = headers.get("x-stowage-model");
  if (run !== null) defaults.runId = run;
  if (tool !== null) defaults.tool = tool;
  if (model !== null) defaults.model = model;
  return defaults;
}

/** The fields with the headers' defaults under them. */
export const withProducerDefaults = (headers: Headers, fields: TPublishFields): TPublishFields => ({
  ...producerDefaults(headers),
  ...fields,
});
