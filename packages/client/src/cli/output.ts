import { Progress } from "./progress.js";

/** stdout for results, stderr for progress and errors; `--json` keeps stderr to errors. */
export class Output {
  readonly progress: Progress;

  constructor(
    readonly json: boolean,
    quiet: boolean,
    readonly stdout: NodeJS.WriteStream = process.stdout,
    readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {
    const mode = json || quiet ? "off" : stderr.isTTY ? "tty" : "plain";
    this.progress = new Progress(stderr, mode);
  }

  /** A line of human-readable output (skipped with `--json`). */
  line(text = ""): void {
    if (this.json) return;
    this.progress.above(() => this.stdout.write(text + "\n"));
  }

  /** The `--json` answer: one JSON document on stdout. */
  data(value: unknown): void {
    this.stdout.write(JSON.stringify(value, null, 2) + "\n");
  }

  /** A note on stderr (not with `--json`): what happened, beside the result. */
  note(text: string): void {
    if (this.json) return;
    this.progress.above(() => this.stderr.write(text + "\n"));
  }

  /** A readable table: the columns padded, the last one not. */
  table(headers: string[], rows: string[][]): void {
    if (this.json) return;
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const format = (cells: string[]) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd();
    this.line(format(headers));
    for (const row of rows) this.line(format(row));
  }
}
