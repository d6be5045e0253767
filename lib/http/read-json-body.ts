import "server-only";
import type { z } from "zod";
import { validationFailed } from "../errors.ts";
import { fromZodError } from "./error-response.ts";

const MAX_JSON_BYTES = 64 * 1024;

/** Reads a small JSON body (capped before parsing) and validates it with a zod schema. */
export async function readJsonBody<T extends z.ZodType>(
  req: Request,
  schema: T,
  options: { optional?: boolean } = {},
): Promise<z.infer<T>> {
  const type = req.headers.get("content-type") ?? "";
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_JSON_BYTES) throw validationFailed(`JSON bodies are limited to ${MAX_JSON_BYTES} bytes`);
  const text = await readCapped(req, MAX_JSON_BYTES);
  // An optional body may be left out entirely (no Content-Type, nothing sent).
  if (options.optional && !type && text === "") return schema.parse({});
  if (!/^application\/json\b/i.test(type)) throw validationFailed("send a JSON body with Content-Type: application/json");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw validationFailed("the request body is not valid JSON");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

async function readCapped(req: Request, max: number): Promise<string> {
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw validationFailed(`JSON bodies are limited to ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
