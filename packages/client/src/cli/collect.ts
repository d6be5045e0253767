/** The server's largest page: a listing asks for no more than it will show. */
const MAX_PAGE = 200;

/** The page size for a listing that shows at most `limit` items (all when undefined). */
export const pageSizeFor = (limit: number | undefined) => Math.min(limit ?? MAX_PAGE, MAX_PAGE);

/** The items of every page, up to `limit`: stops fetching pages once it has them. */
export async function collect<T>(items: AsyncIterable<T>, limit: number | undefined): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) {
    found.push(item);
    if (limit !== undefined && found.length >= limit) break;
  }
  return found;
}
