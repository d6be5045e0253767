import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appRouteFiles, routeMatcher } from "@/lib/observability/route-labels";

const appDir = path.resolve(import.meta.dirname, "../../app");

describe("the route matcher behind the directly served JSON API", () => {
  const match = routeMatcher([
    { label: "/api/v1/artifacts/{id}", value: "artifact" },
    { label: "/api/v1/artifacts/{id}/versions/{version}", value: "version" },
    { label: "/api/v1/artifacts/{id}/versions", value: "versions" },
    { label: "/api/v1/uploads", value: "uploads" },
    { label: "/api/v1/{section}", value: "section" },
    { label: "/files/{...rest}", value: "rest" },
  ]);

  it("finds the most specific route and its parameters, still encoded", () => {
    expect(match("/api/v1/artifacts/a%2Fb")).toEqual({ value: "artifact", params: { id: "a%2Fb" } });
    expect(match("/api/v1/artifacts/x/versions/3")).toEqual({ value: "version", params: { id: "x", version: "3" } });
    expect(match("/api/v1/artifacts/x/versions")).toEqual({ value: "versions", params: { id: "x" } });
    expect(match("/api/v1/uploads")).toEqual({ value: "uploads", params: {} });
    expect(match("/api/v1/other")).toEqual({ value: "section", params: { section: "other" } });
    expect(match("/files/a/b/c")).toEqual({ value: "rest", params: { rest: ["a", "b", "c"] } });
    expect(match("/api/v1/artifacts/x/versions/3/more")).toBeUndefined();
    expect(match("/files")).toBeUndefined();
  });

  it("is given route files that import nothing of Next, which would not run outside it", () => {
    const routes = appRouteFiles(appDir).filter((f) => f.kind === "route" && f.label.startsWith("/api/v1/"));
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.label)).toContain("/api/v1/artifacts/{id}/versions");
    const importingNext = routes.filter((r) => /from\s+["']next(\/|["'])/.test(readFileSync(r.file, "utf8"))).map((r) => r.file);
    expect(importingNext).toEqual([]);
  });
});
