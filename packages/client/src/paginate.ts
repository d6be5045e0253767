/**
 * Every item of every page, fetching the next page only when the items so far are used up: a
 * caller that stops early (break) fetches nothing more.
 */
export async function* eachItem<T>(
  firstCursor: string | undefined,
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T, void, undefined> {
  let cursor = firstCursor;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
