import { readdir } from "node:fs/promises";
import path from "node:path";

/** Every file under `root`, dot-directories included, as sorted `/`-separated relative paths ([] if it does not exist). */
export async function listFiles(root: string, rel = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const out: string[] = [];
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else out.push(child);
  }
  return out.sort();
}
