#!/usr/bin/env node
// Times drawing an app's topology of N containers in Chromium: the graph view beside the
// table view, same page, same run, each from the topology's arrival until the last
// container is on screen. The topology is served by the page's route handler so only
// the drawing is timed. Prints one JSON line.
//
//   BASE_URL=… TOKEN=… APP_ID=… [COUNT=500] [ROUNDS=5] node bench/dashboard_render.mjs
import { chromium } from "playwright-core";

const { BASE_URL, TOKEN, APP_ID } = process.env;
const COUNT = Number(process.env.COUNT ?? 500);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

function topology() {
  const containers = Array.from({ length: COUNT }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, name: `dy-${i}`, host_id: null,
    host_name: `host-${i % 3}`, desired_state: "running", last_error: "", state: "running",
    health: i % 25 ? "healthy" : "unhealthy", serving: i % 25 !== 0, ports: {},
  }));
  return JSON.stringify({ app_id: APP_ID, name: "bench", domains: [], clusters: [{
    id: "00000000-0000-4000-8000-00000000c1c1", name: "big", desired_version: 1, replicas: COUNT,
    versions: [{ number: 1, image: "registry/bench:1", containers }] }] });
}

async function timeOnce(page, view) {
  const body = topology();
  let arrived = 0;
  await page.route("**/topology", (route) => {
    arrived = performance.now();
    return route.fulfill({ status: 200, contentType: "application/json", body });
  });
  await page.goto(`${BASE_URL}/apps/${APP_ID}`);
  if (view === "table") {
    await page.getByRole("button", { name: "Table" }).click();
    arrived = performance.now();
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=container]").length >= n, COUNT, { polling: "raf" });
  } else {
    await page.waitForFunction((n) => {
      const nodes = document.querySelectorAll(".react-flow__node-container");
      return nodes.length >= n && getComputedStyle(nodes[nodes.length - 1]).visibility !== "hidden";
    }, COUNT, { polling: "raf", timeout: 30_000 });
  }
  const ms = performance.now() - arrived;
  await page.unroute("**/topology");
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.evaluate((token) => localStorage.setItem("dockyard.token", token), TOKEN);
  await timeOnce(page, "graph"); // warm caches (chunks, fonts) for both views
  const graph = [];
  const table = [];
  for (let i = 0; i < ROUNDS; i++) {
    graph.push(await timeOnce(page, "graph"));
    table.push(await timeOnce(page, "table"));
  }
  console.log(JSON.stringify({ containers: COUNT, rounds: ROUNDS, graph_ms: median(graph), table_ms: median(table),
    graph_all: graph.map(Math.round), table_all: table.map(Math.round) }));
} finally {
  await browser.close();
}
