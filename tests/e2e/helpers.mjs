// Shared pieces of the browser scripts: bounded named steps, a screenshot per step,
// API calls with the SPA's own token, login, and Chromium's launch and teardown.
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { chromium } from "playwright-core";

export const STEP_MS = Number(process.env.STEP_MS ?? 30_000);
export const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
const SHOTS = process.env.SHOTS;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
let shot = 0;

export function fail(message) {
  console.error(`e2e: FAIL: ${message}`);
  process.exit(1);
}

/** Run one named step, bounded in time; save a screenshot after it when SHOTS is set. */
export async function step(page, name, fn) {
  const started = Date.now();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${STEP_MS / 1000} s`)), STEP_MS);
  });
  try {
    await Promise.race([fn(), timeout]);
  } catch (err) {
    err.step = name;
    throw err;
  } finally {
    clearTimeout(timer);
  }
  console.log(`e2e: ok   ${name} (${Date.now() - started} ms)`);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    const file = `${String(++shot).padStart(2, "0")}-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}.png`;
    await page.screenshot({ path: join(SHOTS, file) });
  }
}

/** Wait (bounded) until the element shows text matching `pattern`: states change on
 * their own time (a terminal goes "connecting" -> "open"), so one read is a race. */
export async function expectText(locator, pattern, what, timeoutMs = 20000) {
  await locator.first().waitFor({ state: "visible" });
  const end = Date.now() + timeoutMs;
  let text = "";
  for (;;) {
    text = (await locator.first().innerText()).trim();
    if (pattern.test(text)) return;
    if (Date.now() > end) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: expected ${pattern}, got ${JSON.stringify(text)} after ${timeoutMs} ms`);
}

/** Call the API with the SPA's own token, for set-up and checks the test is not about. */
export async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${localStorage.getItem("dockyard.token")}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }, { method, path, body });
}

export async function login(page, username, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/groups$/);
}

/** Launch Chromium, run `main(page)`, report, and exit with its outcome. */
export async function run(main) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: STEP_MS })
    .catch((err) => fail(`cannot start ${CHROMIUM}: ${err.message}`));
  let code = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const errors = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("console", (msg) => {
      // A refused request shows up as a console error too; those are the tests' own 4xx.
      if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
    });
    try {
      await main(page);
      if (errors.length) throw Object.assign(new Error(`errors in the page: ${errors.join("; ")}`), { step: "console" });
      console.log("e2e: PASS");
    } catch (err) {
      code = 1;
      console.error(`e2e: FAIL at step "${err.step ?? "setup"}": ${err.message.split("\n")[0]}`);
      console.error(`e2e: page was ${page.url()}`);
      const alerts = await page.getByRole("alert").allInnerTexts().catch(() => []);
      if (alerts.length) console.error(`e2e: alerts on the page: ${alerts.join(" | ")}`);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, "failure.png") }).catch(() => {});
    }
  } finally {
    await browser.close();
  }
  process.exit(code);
}
