import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages stay outside the bundle and load from node_modules at runtime.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "busboy"],
  poweredByHeader: false,
  // Lets several builds of one checkout coexist (parallel end-to-end runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
