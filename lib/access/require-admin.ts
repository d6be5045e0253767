import { StowageError } from "../errors.ts";
import type { TPrincipal } from "./principal.ts";

export function requireAdmin(principal: TPrincipal): void {
  if (!principal.isAdmin) throw new StowageError("FORBIDDEN", "this needs an admin identity");
}
