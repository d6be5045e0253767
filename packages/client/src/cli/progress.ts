import { formatBytes, formatDuration } from "./format.js";

type Mode = "tty" | "plain" | "off";

/** One transfer (a file up or down): report bytes as they go, then `done()`. */
export type Transfer = { update(loaded: number, total?: number): void; done(): void; fail(): void };

type Item = { label: string; loaded: number; total: number | undefined; started: number; finished: boolean; plainStep: number };

const BAR = 24;
const REDRAW_MS = 100;
const PLAIN_STEPS = 4; // a plain line at 25 %, 50 %, 75 % and 100 %
const PLAIN_UNKNOWN_EVERY = 16 * 1024 * 1024;

/**
 * Progress on stderr. On a terminal: one bar with bytes, rate and ETA, redrawn in place (several
 * transfers at once add up into it). Elsewhere: a plain line per transfer at each quarter and
 * when done. Off with `--json` or `--quiet`.
 */
export class Progress {
  readonly #items = new Set<Item>();
  #drawn = false;
  #lastDraw = 0;
  #finished = 0;
  #started = 0;

  constructor(
    readonly stream: NodeJS.WriteStream,
    readonly mode: Mode,
  ) {}

  /** Starts a transfer, e.g. `start("upload", "q1.csv", 1234)`. */
  start(verb: string, name: string, total?: number): Transfer {
    if (this.mode === "off") return { update() {}, done() {}, fail() {} };
    if (this.#items.size === 0) this.#started = Date.now();
    const item: Item = { label: `${verb} ${name}`, loaded: 0, total, started: Date.now(), finished: false, plainStep: 0 };
    this.#items.add(item);
    return {
      update: (loaded, total) => {
        if (item.finished) return;
        item.loaded = loaded;
        if (total !== undefined) item.total = total;
        if (this.mode === "plain") this.#plain(item, false);
        else this.#draw(false);
      },
      done: () => {
        if (item.finished) return;
        item.finished = true;
        if (item.total === undefined || item.loaded > item.total) item.total = item.loaded;
        this.#finished++;
        if (this.mode === "plain") this.#plain(item, true);
        else this.#draw(true);
      },
      // Gone from the bar; the error is told elsewhere.
      fail: () => {
        if (item.finished) return;
        item.finished = true;
        this.#items.delete(item);
        if (this.mode === "tty") this.#draw(true);
      },
    };
  }

  /** Writes something else to the terminal without tearing the bar: clear, write, redraw. */
  above(write: () => void): void {
    if (this.#drawn) this.stream.write("\r\x1b[2K");
    write();
    if (this.#drawn) this.#render();
  }

  #plain(item: Item, finished: boolean): void {
    const elapsed = (Date.now() - item.started) / 1000;
    if (finished) {
      const rate = elapsed > 0 ? ` (${formatBytes(item.loaded / elapsed)}/s)` : "";
      this.stream.write(`${item.label}: done, ${formatBytes(item.loaded)} in ${elapsed.toFixed(1)} s${rate}\n`);
      return;
    }
    if (item.total) {
      const step = Math.floor((item.loaded / item.total) * PLAIN_STEPS);
      if (step <= item.plainStep || step >= PLAIN_STEPS) return;
      item.plainStep = step;
      const percent = Math.round((item.loaded / item.total) * 100);
      this.stream.write(`${item.label}: ${percent}% (${formatBytes(item.loaded)} of ${formatBytes(item.total)})\n`);
    } else {
      const step = Math.floor(item.loaded / PLAIN_UNKNOWN_EVERY);
      if (step <= item.plainStep) return;
      item.plainStep = step;
      this.stream.write(`${item.label}: ${formatBytes(item.loaded)}\n`);
    }
  }

  #draw(force: boolean): void {
    if (this.#items.size === 0) {
      if (this.#drawn) this.stream.write("\r\x1b[2K");
      this.#drawn = false;
      this.#finished = 0;
      return;
    }
    const now = Date.now();
    if (!force && now - this.#lastDraw < REDRAW_MS) return;
    this.#lastDraw = now;
    this.#render();
    if (this.#finished === this.#items.size) {
      // All done: leave the last line as the summary and start afresh.
      this.stream.write("\n");
      this.#drawn = false;
      this.#items.clear();
      this.#finished = 0;
    }
  }

  #render(): void {
    const items = [...this.#items];
    if (items.length === 0) return;
    const loaded = items.reduce((sum, i) => sum + i.loaded, 0);
    const known = items.every((i) => i.total !== undefined);
    const total = known ? items.reduce((sum, i) => sum + i.total!, 0) : undefined;
    const allDone = this.#finished === items.length;
    const label = items.length === 1 ? items[0]!.label : `${items[0]!.label.split(" ")[0]} ${items.length} files (${this.#finished} done)`;
    const elapsed = Math.max((Date.now() - this.#started) / 1000, 0.001);
    const rate = loaded / elapsed;
    const parts = [label];
    if (total !== undefined) {
      const fraction = total > 0 ? Math.min(loaded / total, 1) : 1;
      const filled = Math.round(fraction * BAR);
      parts.push(`[${"█".repeat(filled)}${"░".repeat(BAR - filled)}]`, `${String(Math.floor(fraction * 100)).padStart(3)}%`);
      parts.push(allDone ? formatBytes(total) : `${formatBytes(loaded)} / ${formatBytes(total)}`);
    } else {
      parts.push(formatBytes(loaded));
    }
    parts.push(`${formatBytes(rate)}/s`);
    if (allDone) parts.push(`in ${formatDuration(elapsed)}`);
    else if (total !== undefined && loaded >= total) parts.push("finishing");
    else if (total !== undefined && rate > 0) parts.push(`ETA ${formatDuration((total - loaded) / rate)}`);
    let line = parts.join("  ");
    const columns = this.stream.columns;
    if (columns && line.length >= columns) line = line.slice(0, columns - 1);
    this.stream.write(`\r\x1b[2K${line}`);
    this.#drawn = true;
  }
}
