import type { z } from "zod";
import type { TBody } from "../api-contract/operation.ts";
import { fromZodError } from "./error-response.ts";
import { readJsonBody } from "./read-json-body.ts";
import { readSearchParams } from "./search-params.ts";

type TWithQuery = { query?: z.ZodObject; queryPrefixes?: readonly { prefix: string }[] };
type TWithParams = { params?: z.ZodObject };
type TWithJson = { body?: TBody & { json?: z.ZodType } };

/** An operation's query, validated by its contract schema (api-contract/); prefixed keys apart. */
export function readQuery<O extends TWithQuery>(url: URL, op: O) {
  const { query, prefixed } = readSearchParams(url, op.query!, op.queryPrefixes?.map((p) => p.prefix) ?? []);
  return { query: query as z.output<NonNullable<O["query"]>>, prefixed };
}

/** An operation's path parameters, validated by its contract schema. */
export function readParams<O extends TWithParams>(params: Record<string, string>, op: O): z.output<NonNullable<O["params"]>> {
  const parsed = op.params!.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data as z.output<NonNullable<O["params"]>>;
}

/** An operation's JSON body, validated by its contract schema. */
export async function readBody<O extends TWithJson>(req: Request, op: O): Promise<z.output<NonNullable<NonNullable<O["body"]>["json"]>>> {
  return (await readJsonBody(req, op.body!.json!, { optional: op.body!.optional ?? false })) as z.output<
    NonNullable<NonNullable<O["body"]>["json"]>
  >;
}
