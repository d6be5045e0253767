/**
 * State that must be one per process. lib/ is loaded twice in one server process (by the custom
 * server and again inside Next's bundles), so a module-level variable exists twice and each copy
 * sees only its own writes. Whatever both copies must agree on lives here, on globalThis, under
 * a process-wide Symbol.for key.
 */
export function processState<T extends object>(name: string, init: () => T): T {
  const key = Symbol.for(`stowage.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[key] ??= init());
}

/**
 * A process-wide brand for a class, so `instanceof` holds for instances made by either copy of
 * lib/: `static [Symbol.hasInstance](v) { return brand.is(v); }` plus `readonly [brand.brand] = true`.
 */
export function branded(name: string) {
  const brand = Symbol.for(`stowage.${name}`);
  return {
    brand,
    is: (value: unknown) => typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true,
  };
}
