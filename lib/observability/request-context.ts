import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { processState } from "../process-state.ts";

/** What the request log needs to know that only code deep inside a request learns. */
export type TRequestContext = { requestId: string; identity: string | undefined };

// One store per process: the custom server opens the context, Next's bundle (a second copy of
// lib/) fills it in, so both must hold the very same AsyncLocalStorage.
const storage = () => processState("request-context", () => new AsyncLocalStorage<TRequestContext>());

export function runWithRequestContext<T>(context: TRequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

export function currentRequestContext(): TRequestContext | undefined {
  return storage().getStore();
}

/** Authentication calls this once it knows who is calling (the name only, never a credential). */
export function noteIdentity(name: string): void {
  const context = storage().getStore();
  if (context) context.identity = name;
}
