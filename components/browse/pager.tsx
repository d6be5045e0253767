import Link from "next/link";
import { buttonSecondary } from "@/components/ui/styles";
import { hrefWith, type TSearchParams } from "./page-params";

/**
 * Cursor paging as plain links, so it works without JavaScript and every page has a URL:
 * "Next page" follows the listing's cursor, "First page" drops it.
 */
export function Pager({
  path,
  params,
  nextCursor,
  label,
}: {
  path: string;
  params: TSearchParams;
  nextCursor: string | null;
  label: string;
}) {
  const onLaterPage = Boolean(params.cursor);
  if (!nextCursor && !onLaterPage) return null;
  return (
    <nav aria-label={`${label} pages`} className="mt-4 flex flex-wrap items-center gap-2">
      {onLaterPage && (
        <Link className={buttonSecondary} href={hrefWith(path, params, { cursor: undefined })}>
          ← First page
        </Link>
      )}
      {nextCursor && (
        <Link className={buttonSecondary} href={hrefWith(path, params, { cursor: nextCursor })} rel="next">
          Next page →
        </Link>
      )}
    </nav>
  );
}
