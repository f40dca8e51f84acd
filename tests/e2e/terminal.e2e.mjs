#!/usr/bin/env node
// A developer opens a shell in a running container from the dashboard: the Terminal
// button on the container's row, a command typed into xterm.js and its output read
// back, `exit 23` and the drawer saying why the session ended; then an SSH key added on
// the SSH keys page (from the user menu) shows its fingerprint.
//
//   BASE_URL=… E2E_USERNAME=… E2E_PASSWORD=… APP_ID=… CONTAINER_ID=… PUBLIC_KEY=… FINGERPRINT=… [SHOTS=dir]
//     node tests/e2e/terminal.e2e.mjs
import { expectText, fail, login, run, step, BASE_URL } from "./helpers.mjs";

const { E2E_USERNAME: USERNAME, E2E_PASSWORD: PASSWORD, APP_ID, CONTAINER_ID, PUBLIC_KEY, FINGERPRINT } = process.env;
if (!USERNAME || !PASSWORD || !APP_ID || !CONTAINER_ID || !PUBLIC_KEY || !FINGERPRINT) {
  fail("set E2E_USERNAME, E2E_PASSWORD, APP_ID, CONTAINER_ID, PUBLIC_KEY and FINGERPRINT");
}

async function screenText(drawer) {
  return drawer.locator(".xterm-rows").innerText();
}

async function waitForScreen(drawer, pattern) {
  for (;;) {
    const text = await screenText(drawer);
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await run(async (page) => {
  await step(page, "log in as a developer", () => login(page, USERNAME, PASSWORD));

  const drawer = page.getByTestId("terminal-drawer");
  await step(page, "open the terminal from the container's row", async () => {
    await page.goto(`${BASE_URL}/apps/${APP_ID}`);
    // The deployment shows as a graph first where the topology view exists: the rows are in its table.
    const table = page.getByRole("button", { name: "Table", exact: true });
    const row = page.getByTestId("container").filter({ hasText: CONTAINER_ID.slice(0, 8) });
    await row.or(table).first().waitFor();
    if (await table.count()) await table.click();
    await row.getByRole("button", { name: "Terminal" }).click();
    await expectText(drawer.locator(".badge"), /open/, "session state");
  });

  await step(page, "type a command and read its output", async () => {
    await drawer.locator(".xterm-helper-textarea").focus();
    await page.keyboard.type("echo browser-$((6*7))\n");
    await waitForScreen(drawer, /browser-42/);
  });

  await step(page, "the ssh command is there to copy", async () => {
    await expectText(drawer.getByTestId("ssh-command"), new RegExp(`^ssh -p \\d+ ${CONTAINER_ID.slice(0, 8)}@`), "ssh command");
  });

  await step(page, "exit and see why the session ended", async () => {
    await page.keyboard.type("exit 23\n");
    await expectText(drawer.getByTestId("terminal-ended"), /exited with code 23/, "end message");
    await drawer.getByRole("button", { name: "Reconnect" }).waitFor();
    await drawer.getByRole("button", { name: "Close terminal" }).click();
  });

  await step(page, "add an SSH key from the user menu", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "SSH keys" }).click();
    await page.waitForURL(/\/ssh-keys$/);
    await page.fill("#key-name", "e2e laptop");
    await page.fill("#key-public", PUBLIC_KEY);
    await page.getByRole("button", { name: "Add key" }).click();
    await expectText(page.getByTestId("ssh-keys").locator("td", { hasText: "SHA256:" }), new RegExp(FINGERPRINT.replace(/[+/]/g, "\\$&")), "fingerprint");
  });
});
