import "server-only";
import type { SqlDriverAdapter } from "./sqlite-statement-cache.ts";

/** Reads on a connection of their own: `readsOnly` says whether a statement may go there. */
export type TReader = Pick<SqlDriverAdapter, "queryRaw"> & { readsOnly(sql: string): boolean };

/**
 * Prisma's SQLite adapter (7.10) runs everything on one connection and serializes only the
 * transactions: a statement made outside a transaction while one is open runs inside it. It
 * reads that transaction's uncommitted rows, and its own write is undone when that transaction
 * rolls back (a download's audit row, a revoked key, lost with a concurrent upload refused for
 * quota). Here a write outside a transaction waits until none is open, and a read goes to
 * `reader`, which sees committed data only and never waits for a writer (WAL).
 */
export function isolateTransactions(adapter: SqlDriverAdapter, reader: TReader | null): void {
  const lock = new FifoLock();
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    await lock.acquire();
    let tx;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (error) {
      lock.release();
      throw error;
    }
    let ended = false;
    const end = () => {
      if (!ended) lock.release();
      ended = true;
    };
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(end);
    tx.rollback = () => rollback().finally(end);
    return tx;
  };

  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = (query) => (reader?.readsOnly(query.sql) ? reader.queryRaw(query) : lock.outside(() => queryRaw(query)));
  adapter.executeRaw = (query) => lock.outside(() => executeRaw(query));
}

/** One holder at a time, in the order they asked. */
class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  /**
   * Runs `fn` when no transaction is open. better-sqlite3 is synchronous, so a statement started
   * while the lock is free has finished before any other code can open one: it needs no turn.
   */
  outside<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.#held) return fn();
    return this.acquire().then(() => fn().finally(() => this.release()));
  }
}
