// Fails when src/api/schema.gen.ts (openapi-typescript) or src/api/limits.gen.ts
// (gen-limits.mjs) is not what they make from the committed openapi.json (run
// `npm run gen` to refresh them).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { limitsSource } from "./gen-limits.mjs";

const committed = "src/api/schema.gen.ts";
const dir = mkdtempSync(join(tmpdir(), "dockyard-gen-"));
const fresh = join(dir, "schema.gen.ts");
try {
  execFileSync("npx", ["openapi-typescript", "../openapi/openapi.json", "--default-non-nullable", "false", "-o", fresh], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error(`${committed} is stale: run \`npm run gen --workspace frontend\` and commit it.`);
    try {
      execFileSync("diff", ["-u", committed, fresh], { stdio: "inherit" });
    } catch {
      // diff exits 1 when the files differ; its output is what we wanted.
    }
    process.exitCode = 1;
  } else {
    console.log(`${committed} is up to date.`);
  }
  const limits = "src/api/limits.gen.ts";
  const spec = JSON.parse(readFileSync("../openapi/openapi.json", "utf8"));
  if (limitsSource(spec) !== readFileSync(limits, "utf8")) {
    console.error(`${limits} is stale: run \`npm run gen --workspace frontend\` and commit it.`);
    process.exitCode = 1;
  } else {
    console.log(`${limits} is up to date.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
