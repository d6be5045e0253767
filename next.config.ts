import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages stay outside the bundle and load from node_modules at runtime.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "busboy"],
  poweredByHeader: false,
  // Lets several builds of one checkout coexist (parallel end-to-end runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // No headers() here: scripts/create-server.ts gives every response, Next's and its own, the one
  // header policy (lib/server/security-headers.ts).
};

export default nextConfig;
