import { validationFailed } from "../errors.ts";

/** Lowercase letters, digits and . _ - inside, 1–64 characters, starting and ending with a letter or digit. */
export const ALIAS_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/** "latest" is every artifact's implicit alias: the newest version, never set by hand. */
export const IMPLICIT_ALIAS = "latest";

/**
 * An alias name, by the one rule every entry point applies. A name of digits only is refused, so
 * an alias can never be mistaken for a version number where either may be given.
 */
export function parseAliasName(value: unknown, field = "alias"): string {
  if (typeof value !== "string" || !ALIAS_NAME_PATTERN.test(value)) {
    throw validationFailed(`${field} must be 1–64 lowercase letters, digits and . _ -, starting and ending with a letter or digit`, {
      field,
    });
  }
  if (/^\d+$/.test(value)) throw validationFailed(`${field} must not be a number: that names a version`, { field });
  if (value === IMPLICIT_ALIAS) throw validationFailed(`${field} "latest" is implicit: it is always the newest version`, { field });
  return value;
}
