import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Route patterns for logs and metrics ("/api/v1/artifacts/{id}/content"), never raw paths:
 * share tokens and signed part URLs carry their credentials in the path, and raw paths would
 * give metrics one series per artifact. A path no pattern matches is labelled "other".
 */
export const UNKNOWN_ROUTE = "other";

type TSegment = { kind: "static"; text: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };
type TPattern = { label: string; segments: TSegment[] };

const ROUTE_FILE = /^(route|page)\.(ts|tsx|js|jsx|mjs)$/;

/** The route and page files of the app/ directory, each with its URL pattern in Next's own notation turned into `{name}`. */
export function appRouteFiles(appDir: string): { label: string; file: string; kind: "route" | "page" }[] {
  const files: { label: string; file: string; kind: "route" | "page" }[] = [];
  const walk = (dir: string, urlSegments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const routeFile = entry.isFile() ? ROUTE_FILE.exec(entry.name) : null;
      if (routeFile)
        files.push({ label: `/${urlSegments.join("/")}`, file: path.join(dir, entry.name), kind: routeFile[1] as "route" | "page" });
      if (!entry.isDirectory() || entry.name.startsWith("_")) continue; // _private folders are not routes
      // (groups) and @slots do not appear in the URL.
      const inUrl = !/^\(.*\)$/.test(entry.name) && !entry.name.startsWith("@");
      walk(path.join(dir, entry.name), inUrl ? [...urlSegments, entry.name.replace(/^\[\[?(\.\.\.)?(.+?)\]?\]$/, "{$1$2}")] : urlSegments);
    }
  };
  walk(appDir, []);
  return files;
}

/** The URL patterns of the app/ directory's route and page files. */
export function appRoutePatterns(appDir: string): string[] {
  return [...new Set(appRouteFiles(appDir).map((f) => f.label))];
}

function parse(label: string): TPattern {
  const segments = label
    .split("/")
    .filter(Boolean)
    .map((s): TSegment =>
      s.startsWith("{...")
        ? { kind: "rest", name: s.slice(4, -1) }
        : s.startsWith("{")
          ? { kind: "param", name: s.slice(1, -1) }
          : { kind: "static", text: s },
    );
  return { label, segments };
}

const RANK = { static: 0, param: 1, rest: 2 } as const;
// Most specific first, as Next resolves them: a static segment beats a parameter beats a catch-all.
function bySpecificity(a: TPattern, b: TPattern): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const d = RANK[a.segments[i]!.kind] - RANK[b.segments[i]!.kind];
    if (d !== 0) return d;
  }
  return b.segments.length - a.segments.length;
}

function matches(pattern: TPattern, parts: string[]): boolean {
  for (let i = 0; i < pattern.segments.length; i++) {
    const segment = pattern.segments[i]!;
    if (segment.kind === "rest") return parts.length > i;
    if (i >= parts.length) return false;
    if (segment.kind === "static" && segment.text !== parts[i]) return false;
  }
  return parts.length === pattern.segments.length;
}

/** A function from a request path (query already removed) to its route label. */
export function routeLabeler(patterns: string[]): (pathname: string) => string {
  const match = routeMatcher(patterns.map((label) => ({ label, value: label })));
  return (pathname) => match(pathname)?.value ?? UNKNOWN_ROUTE;
}

/**
 * A function from a request path to the most specific entry whose pattern matches it, with the
 * path's segments for its parameters (still %-encoded; a catch-all gets the list of the rest).
 */
export function routeMatcher<T>(
  entries: { label: string; value: T }[],
): (pathname: string) => { value: T; params: Record<string, string | string[]> } | undefined {
  const sorted = entries.map((e) => ({ ...parse(e.label), value: e.value })).sort(bySpecificity);
  return (pathname) => {
    const parts = pathname.split("/").filter(Boolean);
    const found = sorted.find((p) => matches(p, parts));
    if (!found) return undefined;
    const params: Record<string, string | string[]> = {};
    found.segments.forEach((segment, i) => {
      if (segment.kind === "param") params[segment.name] = parts[i]!;
      if (segment.kind === "rest") params[segment.name] = parts.slice(i);
    });
    return { value: found.value, params };
  };
}
