export type TCsvTable = {
  rows: string[][];
  /** More rows followed than `maxRows` allowed (or the text stopped mid-row when `partial`). */
  truncated: boolean;
};

/**
 * RFC 4180 CSV (or TSV with `delimiter: "\t"`): quoted fields may hold delimiters, doubled quotes
 * and line breaks; CRLF or LF. Stops after `maxRows`. With `partial` the text is the start of a
 * longer file, so its last row may be cut short and is dropped.
 */
export function parseCsv(text: string, options: { delimiter?: string; maxRows?: number; partial?: boolean } = {}): TCsvTable {
  const delimiter = options.delimiter ?? ",";
  const maxRows = options.maxRows ?? Infinity;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  while (i < text.length) {
    if (rows.length > maxRows) break;
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      endRow();
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  const stoppedEarly = rows.length > maxRows;
  const unfinished = field !== "" || row.length > 0 || quoted;
  if (unfinished && !stoppedEarly && !options.partial) endRow();
  return {
    rows: rows.slice(0, Math.min(rows.length, maxRows)),
    truncated: stoppedEarly || (options.partial === true && unfinished),
  };
}
