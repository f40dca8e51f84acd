#!/usr/bin/env node
// A platform admin works in the dashboard: creates a user, resets their password,
// disables and enables them (each behind a confirmation), and makes a join token with
// the install command to copy for a public cluster; reads the events filtered in the
// URL; the new user signs in and sees no admin controls.
//
//   BASE_URL=… E2E_USERNAME=… E2E_PASSWORD=… [SHOTS=dir] node tests/e2e/admin.e2e.mjs
import { randomBytes } from "node:crypto";

import { api, BASE_URL, expectText, fail, login, run, step } from "./helpers.mjs";

const { E2E_USERNAME: USERNAME, E2E_PASSWORD: PASSWORD } = process.env;
if (!USERNAME || !PASSWORD) fail("set E2E_USERNAME and E2E_PASSWORD");
const suffix = randomBytes(3).toString("hex");
const newUser = `dev-${suffix}`;

await run(async (page) => {
  const dialogs = [];
  page.on("dialog", (dialog) => { dialogs.push(dialog.message()); void dialog.accept(); });

  await step(page, "admin logs in", () => login(page, USERNAME, PASSWORD));

  await step(page, "open Users from the user menu", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Users (admin)" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    // Your own row offers nothing that could lock you out.
    const own = page.getByTestId(`user-${USERNAME}`);
    if (await own.getByRole("button").count()) throw new Error("the admin's own row has buttons");
  });

  await step(page, `create user ${newUser}`, async () => {
    await page.getByRole("button", { name: "New user" }).click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    if (focused !== "user-username") throw new Error(`focus is on ${focused}, not the username`);
    await page.fill("#user-username", newUser);
    await page.fill("#user-password", "first-password-1");
    await page.getByRole("button", { name: "Create user" }).click();
    await expectText(page.getByTestId(`user-${newUser}`), /active/, "the new user's row");
  });

  await step(page, "reset their password", async () => {
    const row = page.getByTestId(`user-${newUser}`);
    await row.getByRole("button", { name: "Reset password" }).click();
    const form = page.getByRole("form", { name: `New password for ${newUser}` });
    await form.locator("input[type=password]").fill("second-password-2");
    await form.getByRole("button", { name: "Set password", exact: true }).click();
    await page.getByRole("status").filter({ hasText: `The password of ${newUser} was changed` }).waitFor();
  });

  await step(page, "disable and enable them, each confirmed", async () => {
    const row = page.getByTestId(`user-${newUser}`);
    await row.getByRole("button", { name: "Disable", exact: true }).click();
    await row.getByText("disabled", { exact: true }).waitFor();
    await row.getByRole("button", { name: "Enable", exact: true }).click();
    await row.getByText("active", { exact: true }).waitFor();
    if (!dialogs.some((d) => d.startsWith("Disable")) || !dialogs.some((d) => d.startsWith("Enable"))) {
      throw new Error(`confirmations asked: ${JSON.stringify(dialogs)}`);
    }
  });

  let clusterId = null;
  await step(page, "create a join token with its install command", async () => {
    const made = await api(page, "POST", "/api/v1/clusters", { name: `pub-${suffix}` });
    if (made.status !== 201) throw new Error(`cluster: ${made.status}`);
    clusterId = made.body.id;
    await page.goto(`${BASE_URL}/clusters/${clusterId}`);
    const card = page.getByTestId("join-token");
    await card.getByRole("button", { name: "Create a join token" }).click();
    await expectText(card.getByTestId("install-command"), /curl -fsSL '.*install\.sh\?token=.*' \| sh/, "install command");
    await card.getByRole("button", { name: "Copy command" }).waitFor();
  });

  await step(page, "read the user events with a filter kept in the URL", async () => {
    await page.goto(`${BASE_URL}/events`);
    await page.getByLabel("Filter by action").fill("user.");
    await page.waitForURL(/[?&]action=user\./);
    await page.getByLabel("Filter by result").selectOption("success");
    await page.waitForURL(/outcome=success/);
    const rows = page.getByTestId("event-row");
    await rows.filter({ hasText: "user.password_reset" }).first().waitFor();
    const actions = await rows.locator("code").allInnerTexts();
    if (actions.some((a) => !a.startsWith("user."))) throw new Error(`unfiltered rows: ${actions.join(", ")}`);
    await rows.first().getByRole("button", { expanded: false }).last().click();
    await page.getByTestId("event-detail").waitFor();
    await page.reload(); // the filter survives a reload: it lives in the URL
    await rows.first().waitFor();
    if (await page.getByLabel("Filter by result").inputValue() !== "success") throw new Error("filter lost on reload");
  });

  await step(page, "the new user signs in with the new password and sees no admin controls", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await login(page, newUser, "second-password-2");
    await page.getByTestId("user-menu").click();
    if (await page.getByRole("menuitem", { name: "Users (admin)" }).count()) throw new Error("a user sees Users (admin)");
    await page.goto(`${BASE_URL}/clusters/${clusterId}`);
    await page.getByRole("heading", { name: "Hosts" }).waitFor();
    if (await page.getByTestId("join-token").count()) throw new Error("a user sees the join-token card");
  });
});
