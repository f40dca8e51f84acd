// The Images pages in Chromium: a namespace made in the form, its Docker commands, an
// extra member added with push access, the namespace and the platform base images listed.
import { api, BASE_URL, expectText, fail, login, run, step } from "./helpers.mjs";

const USERNAME = process.env.E2E_USERNAME ?? fail("E2E_USERNAME is not set");
const PASSWORD = process.env.E2E_PASSWORD ?? fail("E2E_PASSWORD is not set");
const suffix = Math.random().toString(36).slice(2, 8);
const NS = `shop${suffix}`;
const GUEST = `guest-${suffix}`;

await run(async (page) => {
  let groupId;
  await step(page, "log in and make a group and a user", async () => {
    await login(page, USERNAME, PASSWORD);
    const group = await api(page, "POST", "/api/v1/groups", { name: `images-${suffix}` });
    if (group.status !== 201) throw new Error(`group: ${group.status}`);
    groupId = group.body.id;
    const user = await api(page, "POST", "/api/v1/users", { username: GUEST, password: "guest-pass-1" });
    if (user.status !== 201) throw new Error(`user: ${user.status}`);
  });
  await step(page, "a bad name is refused in the form", async () => {
    await page.goto(`${BASE_URL}/namespaces`);
    await page.getByRole("button", { name: "New namespace" }).click();
    await page.fill("#ns-name", "Bad/Name");
    await page.selectOption("#ns-group", groupId);
    await page.getByRole("button", { name: "Create namespace" }).click();
    await expectText(page.locator("form[aria-label='New namespace']"), /Lower-case letters/, "name hint");
  });
  await step(page, "create the namespace", async () => {
    await page.fill("#ns-name", NS);
    await page.getByRole("button", { name: "Create namespace" }).click();
    await page.waitForURL(new RegExp(`/namespaces/${NS}$`));
    await expectText(page.getByTestId("docker-commands"), new RegExp(`docker push .*/${NS}/<repository>`), "docker commands");
  });
  await step(page, "add an extra member with push", async () => {
    await page.fill("#nsm-username", GUEST);
    await page.selectOption("#nsm-access", "push");
    await page.getByRole("button", { name: "Add member" }).click();
    await page.getByTestId("namespace-members").waitFor();
    await expectText(page.getByTestId("namespace-members").locator("tbody tr"), new RegExp(GUEST), "member row");
    const value = await page.getByLabel(`Access of ${GUEST}`).inputValue();
    if (value !== "push") throw new Error(`access shown as ${value}`);
  });
  await step(page, "namespaces and base images listed", async () => {
    await page.goto(`${BASE_URL}/namespaces`);
    await expectText(page.getByTestId("namespaces").locator("tbody"), new RegExp(NS), "namespace row");
    await expectText(page.getByTestId("base-images").locator("tbody"), /busybox[\s\S]*debian[\s\S]*python/, "base images");
  });
});
