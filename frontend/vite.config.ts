import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

import { precompress } from "./plugins/precompress.ts";

// The API serves dist/ at / in production; in `npm run dev` Vite proxies the API.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Maps are written for debugging but not referenced from the bundles, and the API
    // never serves them.
    sourcemap: "hidden",
    // Libraries every page needs change less often than our code: a separate chunk stays
    // cached. Libraries of lazy routes (the graph, the terminal) stay in their own chunks.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{
            name: "vendor",
            test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|zod|react-hook-form|@hookform|openapi-fetch)[\\/]/,
          }],
        },
      },
    },
  },
  // ws: the terminal's exec socket goes through the proxy too.
  server: { proxy: { "/api": { target: process.env.DOCKYARD_API_URL ?? "http://127.0.0.1:8000", ws: true } } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
