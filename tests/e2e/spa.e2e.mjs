#!/usr/bin/env node
// Drives the dashboard in Debian's Chromium against a live API that serves the built
// SPA: log in, create a group, an app with a domain and a version through the forms,
// check client and server validation, see the Deployment section and the 409 of a
// deploy to a cluster without hosts (one made for the test: no Docker host needed),
// optionally save a screenshot, log out.
//
//   BASE_URL=http://127.0.0.1:8000 E2E_USERNAME=admin E2E_PASSWORD=… \
//     [SCREENSHOT=docs/screenshot.png] node tests/e2e/spa.e2e.mjs
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { api, BASE_URL, expectText, fail, run, step as namedStep } from "./helpers.mjs";

const USERNAME = process.env.E2E_USERNAME;
const PASSWORD = process.env.E2E_PASSWORD;
const SCREENSHOT = process.env.SCREENSHOT;

const suffix = randomBytes(3).toString("hex");
const groupName = `${process.env.E2E_GROUP_PREFIX ?? "e2e"}-${suffix}`;
const appName = "storefront";
const domain = `shop-${suffix}.example.test`;
const image = "127.0.0.1:5000/library/busybox:1.36";
const emptyCluster = `empty-${suffix}`;
let groupId = null;
let emptyClusterId = null;

if (!USERNAME || !PASSWORD) fail("set E2E_USERNAME and E2E_PASSWORD (and BASE_URL if not http://127.0.0.1:8000)");

async function main(page) {
  const step = (name, fn) => namedStep(page, name, fn);

  await step("open the SPA and get sent to login", async () => {
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/login/);
  });

  await step("wrong password shows the server's problem detail", async () => {
    await page.fill("#username", USERNAME);
    await page.fill("#password", `${PASSWORD}-wrong`);
    await page.click("button[type=submit]");
    await expectText(page.getByTestId("problem"), /password|credentials|not authenticated/i, "login problem");
  });

  await step("log in", async () => {
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    // Fail fast with the server's words when the credentials are refused: the old
    // alert goes away while the request runs and comes back if it fails again.
    const problem = page.getByTestId("problem");
    const refused = await Promise.race([
      page.waitForURL(/\/groups$/).then(() => null),
      problem.waitFor({ state: "detached" }).then(() => problem.waitFor()).then(() => problem.innerText()),
    ]);
    if (refused) throw new Error(`login refused: ${refused.replace(/\s+/g, " ")}`);
    await page.getByRole("heading", { name: "Groups" }).waitFor();
  });

  await step(`create group ${groupName}`, async () => {
    await page.getByRole("button", { name: "New group" }).click();
    await page.fill("#group-name", groupName);
    await page.fill("#group-description", "Created by the browser test");
    await page.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]+\/apps$/);
    await page.getByRole("heading", { name: groupName }).waitFor();
    groupId = new URL(page.url()).pathname.split("/")[2];
  });

  await step(`create app ${appName} with domain ${domain}`, async () => {
    await page.getByRole("button", { name: "New app" }).click();
    await page.fill("#app-name", appName);
    await page.fill("#app-description", "Shop front end");
    await page.fill("#app-domains", domain);
    await page.getByRole("button", { name: "Create app" }).click();
    await page.waitForURL(/\/apps\/[0-9a-f-]+$/);
    await expectText(page.getByTestId("app-domains"), new RegExp(domain.replaceAll(".", "\\.")), "app domains");
  });

  await step("the Domains card links the domain, with its state and TLS", async () => {
    const row = page.getByTestId("domain-row");
    const link = new RegExp(`http://${domain.replaceAll(".", "\\.")}[^\\n]*[\\s\\S]*not deployed[\\s\\S]*no TLS certificate`);
    await expectText(row, link, "domain row");
    await row.getByRole("button", { name: "Upload certificate" }).click();
    const form = page.getByRole("form", { name: `TLS certificate for ${domain}` });
    await form.getByRole("button", { name: "Upload", exact: true }).click();
    await expectText(form, /Paste the PEM certificate/, "certificate form");
    await form.getByRole("button", { name: "Cancel" }).click();
    await form.waitFor({ state: "detached" });
  });

  await step("create version v1 through the form", async () => {
    await page.getByRole("button", { name: "New version" }).click();
    await page.fill("#version-image", image);
    await page.fill("#version-env", "GREETING=hello\nLOG_LEVEL=info");
    await page.fill("#version-ports", "8080");
    await page.fill("#version-memory", "64");
    await page.fill("#version-note", "First release");
    await page.selectOption("#version-health-type", "http");
    await page.fill("#version-health-path", "/");
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByRole("form", { name: "New version" }).waitFor({ state: "detached" });
  });

  await step("see v1 in the versions list", async () => {
    const row = page.getByTestId("version-1");
    await expectText(row, new RegExp(image.replaceAll(".", "\\.")), "version 1 row");
    await expectText(row, /GREETING/, "version 1 env");
  });

  await step("a bad env name is refused by the form's validation", async () => {
    await page.getByRole("button", { name: "New version" }).click();
    await page.fill("#version-env", "GREETING=hi\n1BAD=x");
    await page.getByRole("button", { name: "Create version" }).click();
    await expectText(page.getByTestId("version-env-error"), /line 2: "1BAD" is not a valid variable name/, "env error");
  });

  await step("a bad image shows the server's problem detail beside the image field", async () => {
    await page.fill("#version-env", "GREETING=hi");
    await page.fill("#version-image", "Not/An/Image:Ref");
    await page.getByRole("button", { name: "Create version" }).click();
    await expectText(page.getByTestId("version-image-error"), /not an image reference/i, "image field error");
    const problem = page.getByRole("form", { name: "New version" }).getByTestId("problem");
    await expectText(problem, /Invalid input|422/, "server problem title");
  });

  await step("create version v2 and see it listed first", async () => {
    await page.fill("#version-image", image.replace("1.36", "1.37"));
    await page.fill("#version-env", "GREETING=hello again\nLOG_LEVEL=debug\nWORKERS=4");
    await page.fill("#version-note", "More workers");
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByRole("form", { name: "New version" }).waitFor({ state: "detached" });
    await expectText(page.getByTestId("versions-table").locator("tbody tr"), /v2/, "newest version first");
    await page.getByTestId("events-table").getByText("version.create").first().waitFor();
  });

  await step("the Deployment section says the app is not deployed", async () => {
    await expectText(page.getByTestId("deployment").getByTestId("not-deployed"), /Not deployed yet/, "deployment section");
  });

  await step(`make an empty private cluster ${emptyCluster} for the group (API)`, async () => {
    const made = await api(page, "POST", "/api/v1/clusters", { name: emptyCluster, group_id: groupId });
    if (made.status !== 201) throw new Error(`cluster not created: ${made.status} ${JSON.stringify(made.body)}`);
    emptyClusterId = made.body.id;
  });

  await step("deploying to a cluster without hosts shows the 409 problem detail", async () => {
    const section = page.getByTestId("deployment");
    await section.getByRole("button", { name: "Deploy" }).click();
    const form = section.getByRole("form", { name: "Deploy" });
    await page.selectOption("#deploy-version", "2");
    await page.selectOption("#deploy-cluster", emptyClusterId);
    await page.fill("#deploy-replicas", "2");
    await form.getByRole("button", { name: "Deploy" }).click();
    const problem = form.getByTestId("problem");
    await expectText(problem, /409/, "deploy problem status");
    await expectText(problem, /no hosts|cannot be placed/i, "deploy problem detail");
    await form.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("not-deployed").waitFor();
  });

  await step(`delete the empty cluster ${emptyCluster} (API)`, async () => {
    const gone = await api(page, "DELETE", `/api/v1/clusters/${emptyClusterId}`);
    if (gone.status !== 204) throw new Error(`cluster not deleted: ${gone.status} ${JSON.stringify(gone.body)}`);
    emptyClusterId = null;
  });

  if (SCREENSHOT) {
    await step(`save a screenshot to ${SCREENSHOT}`, async () => {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: SCREENSHOT });
    });
  }

  await step("log out from the user menu", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
  });

  await step("a rejected token (401) sends the user back to login", async () => {
    await page.evaluate(() => localStorage.setItem("dockyard.token", "dy_not-a-real-token"));
    await page.goto(`${BASE_URL}/events`);
    await page.waitForURL(/\/login\?next=%2Fevents/);
    await page.locator("#username").waitFor();
  });
}

await run(main);
