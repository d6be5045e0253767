import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Whether an argument is a pattern (`*`, `**`, `?`) rather than a file name. */
export const isPattern = (arg: string): boolean => /[*?]/.test(arg);

/**
 * The files a pattern the shell left unexpanded matches: `*` and `?` within one path segment,
 * `**` across any number of directories (none included). Sorted; directories themselves never;
 * dot files only when the segment starts with a dot (as shells do).
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join("/");
  const absolute = normalized.startsWith("/");
  const segments = normalized.split("/").filter((s) => s !== "" && s !== ".");
  // The fixed directories before the first segment with a wildcard.
  const fixed: string[] = [];
  while (segments.length && !isPattern(segments[0]!)) fixed.push(segments.shift()!);
  const base = (absolute ? "/" : "") + fixed.join("/");
  const found: string[] = [];
  await walk(base || ".", segments, found);
  return [...new Set(found.map((p) => (base ? p : p.replace(/^\.\//, ""))))].sort();
}

async function walk(dir: string, segments: string[], found: string[]): Promise<void> {
  if (segments.length === 0) {
    if (await isFile(dir)) found.push(dir);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (!isPattern(head)) {
    await walk(path.posix.join(dir, head), rest, found);
    return;
  }
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (head === "**") {
    // At the end, `**` means every file below.
    if (rest.length === 0) return walk(dir, ["**", "*"], found);
    // Zero directories…
    await walk(dir, rest, found);
    // …or one more, then `**` again.
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".")) await walk(path.posix.join(dir, entry.name), segments, found);
    }
    return;
  }
  const regex = segmentRegex(head);
  for (const entry of entries) {
    if (entry.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!regex.test(entry.name)) continue;
    const next = path.posix.join(dir, entry.name);
    if (rest.length === 0) {
      if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(next)))) found.push(next);
    } else if (entry.isDirectory() || entry.isSymbolicLink()) {
      await walk(next, rest, found);
    }
  }
}

function segmentRegex(segment: string): RegExp {
  const source = segment
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*+/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${source}$`);
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
