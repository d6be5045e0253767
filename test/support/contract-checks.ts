import { expect } from "vitest";
import { ZErrorResponse } from "../../lib/api-contract/common.ts";

/** The body conforms to the contract's schema for this operation and status (strict: no undocumented field). */
export function conforms(
  op: { responses: Record<number, { schema?: { parse: (v: unknown) => unknown } }> },
  res: { status: number; body: unknown },
) {
  const schema = op.responses[res.status]?.schema;
  expect(schema, `a documented ${res.status}: ${JSON.stringify(res.body)}`).toBeDefined();
  schema!.parse(res.body);
  return res.body as any;
}

/** An error answer with this status and the contract's one error shape carrying this code. */
export function failsWith(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ZErrorResponse.parse(res.body).error.code).toBe(code);
}
