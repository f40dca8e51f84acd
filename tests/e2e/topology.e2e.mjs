#!/usr/bin/env node
// A user builds and deploys a busybox app entirely in the dashboard, on real hosts:
// group, app, two versions through the form (the second copies the first's command),
// deploy 2 replicas of v1, see them in the topology graph, add one container of v2
// from the cluster node (it shows as grayscale), open a container's page, compare the
// versions; then the graph and the table each draw 500 containers (timed, same run).
//
//   BASE_URL=… E2E_USERNAME=… E2E_PASSWORD=… CLUSTER_ID=… IMAGE=… [SHOTS=dir] node tests/e2e/topology.e2e.mjs
import { randomBytes } from "node:crypto";

import { api, expectText, fail, login, run, step } from "./helpers.mjs";

const { E2E_USERNAME: USERNAME, E2E_PASSWORD: PASSWORD, CLUSTER_ID, IMAGE } = process.env;
if (!USERNAME || !PASSWORD || !CLUSTER_ID || !IMAGE) fail("set E2E_USERNAME, E2E_PASSWORD, CLUSTER_ID and IMAGE");
const suffix = randomBytes(3).toString("hex");
const COMMAND = `sh -c 'mkdir -p /www && echo "$TEXT" > /www/index.html && exec httpd -f -p 8080 -h /www'`;
const RENDER_COUNT = 500;
let appId = null;

async function createVersion(page, { text, note, first }) {
  await page.getByRole("button", { name: "New version" }).click();
  const form = page.getByRole("form", { name: "New version" });
  if (first) {
    await page.fill("#version-image", IMAGE);
    await page.fill("#version-command", COMMAND);
    await page.fill("#version-ports", "8080");
    await page.fill("#version-memory", "32");
    await page.selectOption("#version-health-type", "http");
    await page.fill("#version-health-path", "/");
    await page.fill("#version-health-interval-s", "1");
    await page.fill("#version-health-timeout-s", "1");
    await page.fill("#version-health-retries", "2");
  } else {
    // A new version starts from the newest: the command it copies is there to see.
    const copied = await page.inputValue("#version-command");
    if (copied !== COMMAND) throw new Error(`the form copied ${JSON.stringify(copied)}`);
    await expectText(form.locator(".field-hint", { hasText: "Copied from v1" }), /Copied from v1/, "copied hint");
  }
  await page.fill("#version-env", `TEXT=${text}`);
  await page.fill("#version-note", note);
  await form.getByRole("button", { name: "Create version" }).click();
  await form.waitFor({ state: "detached" });
}

/** A topology of `count` containers in one cluster, for timing the drawing alone. */
function bigTopology(count) {
  const containers = Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, name: `dy-${i}`, host_id: null,
    host_name: `host-${i % 3}`, desired_state: "running", last_error: "", state: i % 50 ? "running" : "exited",
    health: i % 50 ? "healthy" : null, serving: i % 50 !== 0, ports: {},
  }));
  return { app_id: appId, name: "storefront", domains: [], clusters: [{ id: CLUSTER_ID, name: "big", desired_version: 1,
    replicas: count, versions: [{ number: 1, image: IMAGE, containers }] }] };
}

/** Reload with a fake 500-container topology; ms from its arrival until `ready` holds. */
async function timeRender(page, view, ready) {
  const body = JSON.stringify(bigTopology(RENDER_COUNT));
  let arrived = 0;
  await page.route(`**/api/v1/apps/${appId}/topology`, (route) => {
    arrived = Date.now();
    return route.fulfill({ status: 200, contentType: "application/json", body });
  });
  await page.reload();
  if (view === "table") {
    await page.getByRole("button", { name: "Table" }).click();
    arrived = Date.now(); // the table draws from the cached answer on the click
  }
  await page.waitForFunction(ready, RENDER_COUNT, { polling: "raf", timeout: 20_000 });
  const ms = Date.now() - arrived;
  await page.unroute(`**/api/v1/apps/${appId}/topology`);
  return ms;
}

await run(async (page) => {
  await step(page, "log in", () => login(page, USERNAME, PASSWORD));

  await step(page, "create a group and an app", async () => {
    await page.getByRole("button", { name: "New group" }).click();
    await page.fill("#group-name", `topo-${suffix}`);
    await page.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]+\/apps$/);
    await page.getByRole("button", { name: "New app" }).click();
    await page.fill("#app-name", "storefront");
    await page.getByRole("button", { name: "Create app" }).click();
    await page.waitForURL(/\/apps\/[0-9a-f-]+$/);
    appId = new URL(page.url()).pathname.split("/")[2];
  });

  await step(page, "create a busybox version v1 through the form", () =>
    createVersion(page, { text: "one", note: "First release", first: true }));
  await step(page, "create v2 from v1 (the command is copied)", () =>
    createVersion(page, { text: "two", note: "Second page" }));

  await step(page, "compare v1 and v2 side by side", async () => {
    await page.getByRole("button", { name: "Compare versions" }).click();
    const diff = page.getByTestId("version-diff");
    await expectText(diff.getByTestId("diff-environment").locator(".diff-right"), /TEXT=two/, "v2's env");
    await expectText(diff.getByTestId("diff-environment").locator(".diff-left"), /TEXT=one/, "v1's env");
    await diff.getByRole("button", { name: "Close" }).click();
  });

  await step(page, "deploy 2 replicas of v1", async () => {
    const section = page.getByTestId("deployment");
    await section.getByRole("button", { name: "Deploy" }).click();
    await page.selectOption("#deploy-version", "1");
    await page.selectOption("#deploy-cluster", CLUSTER_ID);
    await page.fill("#deploy-replicas", "2");
    await section.getByRole("form", { name: "Deploy" }).getByRole("button", { name: "Deploy" }).click();
  });

  await step(page, "see both containers healthy in the topology graph", async () => {
    await page.waitForFunction(() =>
      document.querySelectorAll("[data-testid=topology-graph] .g-container[data-health=healthy]").length === 2,
    null, { timeout: 60_000 });
  });

  await step(page, "click the cluster and create a container of v2 there", async () => {
    await page.locator("[data-testid=topology-graph] .react-flow__node-cluster").click();
    const panel = page.getByTestId("graph-actions");
    await panel.locator("#add-version").selectOption("2");
    await panel.getByRole("button", { name: "Create a container of v2 here" }).click();
    await expectText(panel.getByTestId("added-container"), /of v2 placed on .*now has 3 replicas/, "placement");
    await page.waitForFunction(() =>
      document.querySelectorAll("[data-testid=topology-graph] .g-container[data-health=healthy]").length === 3,
    null, { timeout: 60_000 });
    const gray = await page.locator("[data-testid=topology-graph] .g-grayscale").count();
    if (gray !== 1) throw new Error(`expected 1 grayscale container, saw ${gray}`);
  });

  await step(page, "open a container's page from the graph", async () => {
    await page.locator("[data-testid=topology-graph] .g-grayscale").click();
    await page.getByTestId("graph-actions").getByRole("link", { name: "Details" }).click();
    await page.waitForURL(/\/containers\/[0-9a-f-]+$/);
    // The command comes from the version, read after the container: wait for it.
    await page.getByTestId("container-facts").getByText(/httpd -f -p 8080/).waitFor();
    await expectText(page.getByTestId("container-env"), /TEXT\s+••••/, "masked env");
    await page.getByRole("button", { name: "Show TEXT" }).click();
    await expectText(page.getByTestId("container-env"), /TEXT\s+two/, "revealed env");
  });

  await step(page, "back to the app page", async () => {
    await page.goBack();
    await page.getByTestId("topology-graph").waitFor();
  });

  let graphMs = 0;
  let tableMs = 0;
  await step(page, `draw ${RENDER_COUNT} containers in the graph`, async () => {
    graphMs = await timeRender(page, "graph", (n) => {
      const nodes = document.querySelectorAll("[data-testid=topology-graph] .react-flow__node-container");
      return nodes.length >= n && getComputedStyle(nodes[nodes.length - 1]).visibility !== "hidden";
    });
  });
  await step(page, `draw ${RENDER_COUNT} containers in the table`, async () => {
    tableMs = await timeRender(page, "table", (n) => document.querySelectorAll("[data-testid=container]").length >= n);
  });
  console.log(`RENDER ${JSON.stringify({ containers: RENDER_COUNT, graph_ms: graphMs, table_ms: tableMs })}`);

  await step(page, "scale back to zero (API)", async () => {
    const r = await api(page, "POST", `/api/v1/apps/${appId}/scale`, { cluster_id: CLUSTER_ID, replicas: 0 });
    if (r.status !== 202) throw new Error(`scale: ${r.status} ${JSON.stringify(r.body)}`);
  });
});
