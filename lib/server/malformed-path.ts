import "server-only";

/**
 * Whether the path of a request target has a % escape that does not decode (`%zz`, a cut-off
 * UTF-8 sequence). Next.js answers those with a 500 while decoding route parameters, so the
 * composition root refuses them first, with a 400, for every route alike.
 */
export function hasMalformedEscape(requestTarget: string): boolean {
  const pathname = requestTarget.split("?")[0]!;
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
