// Writes a gzip copy beside each text asset of the build, so the API sends compressed
// files without compressing per request (backend/dashboard/serve.py picks them).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";

import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
// Below this gzip's framing costs more than it saves.
const MIN_BYTES = 512;

export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "dockyard-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(dir, fileName);
        const raw = readFileSync(path);
        if (raw.length < MIN_BYTES) continue;
        const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
        if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
      }
    },
  };
}
