#!/usr/bin/env node
// Images built from git, entirely in the dashboard: a namespace and a repository made in
// their forms (scripts typed into the code editor), the webhook URL and secret to copy,
// "Build now", the log arriving line by line over the websocket (ANSI colours) while the
// build runs, succeeded, the tag main-<sha7>-c1 listed, a version of an app made from
// that tag through "Create a version from this tag", the app following the builds (the
// next build makes its version 2); a configuration edit (c2) and a
// running build cancelled; a build of a missing ref fails with its step and reason; a
// viewer sees no build controls.
//
//   BASE_URL=… E2E_USERNAME=… E2E_PASSWORD=… GIT_URL=git://… COMMIT=<sha> [SHOTS=dir] node tests/e2e/builds.e2e.mjs
import { randomBytes } from "node:crypto";
import { join } from "node:path";

import { api, BASE_URL, expectText, fail, login, run, step } from "./helpers.mjs";

const { E2E_USERNAME: USERNAME, E2E_PASSWORD: PASSWORD, GIT_URL, COMMIT, SHOTS } = process.env;
if (!USERNAME || !PASSWORD || !GIT_URL || !COMMIT) fail("set E2E_USERNAME, E2E_PASSWORD, GIT_URL and COMMIT");
const suffix = randomBytes(3).toString("hex");
const NS = `team${suffix}`;
const REPO = "site";
const VIEWER = `viewer-${suffix}`;
// Lines a second apart, green: the test sees the first 9 s before the last is printed. The
// suffix keeps Docker's layer cache from replaying an earlier run's step without output.
const BUILD_SCRIPT = `echo "build ${suffix}"\n`
  + "for i in 1 2 3 4 5 6 7 8 9 10; do printf '\\033[32mbuilding part %s\\033[0m\\n' \"$i\"; sleep 1; done\n"
  + "mkdir -p /www && cp index.html /www/";
const START_SCRIPT = "exec httpd -f -p 8080 -h /www";
const TAG = `main-${COMMIT.slice(0, 7)}-c1`;
const BIG_LOG = 50_000;

const logText = (page) => page.getByTestId("log-viewer").innerText();

await run(async (page) => {
  let groupId;
  let appId;
  await step(page, "log in, make a group with an app and a viewer", async () => {
    // Tall enough that the README's screenshot holds the build's facts and its whole log box.
    await page.setViewportSize({ width: 1400, height: 1000 });
    await login(page, USERNAME, PASSWORD);
    const group = await api(page, "POST", "/api/v1/groups", { name: `builds-${suffix}` });
    if (group.status !== 201) throw new Error(`group: ${group.status}`);
    groupId = group.body.id;
    const app = await api(page, "POST", `/api/v1/groups/${groupId}/apps`, { name: `site-${suffix}` });
    if (app.status !== 201) throw new Error(`app: ${app.status}`);
    appId = app.body.id;
    const user = await api(page, "POST", "/api/v1/users", { username: VIEWER, password: "viewer-pass-1" });
    if (user.status !== 201) throw new Error(`user: ${user.status}`);
    const member = await api(page, "POST", `/api/v1/groups/${groupId}/members`, { username: VIEWER, role: "viewer" });
    if (member.status !== 201) throw new Error(`member: ${member.status} ${JSON.stringify(member.body)}`);
  });
  await step(page, "create the namespace in its form", async () => {
    await page.goto(`${BASE_URL}/namespaces`);
    await page.getByRole("button", { name: "New namespace" }).click();
    await page.fill("#ns-name", NS);
    await page.selectOption("#ns-group", groupId);
    await page.getByRole("button", { name: "Create namespace" }).click();
    await page.waitForURL(new RegExp(`/namespaces/${NS}$`));
    await expectText(page.getByText(/No repositories yet/), /No repositories yet/, "empty list");
  });
  await step(page, "a wrong git URL is refused in the form", async () => {
    await page.getByRole("link", { name: "New repository" }).click();
    await page.waitForURL(/\/repositories\/new$/);
    await page.fill("#repo-name", REPO);
    await page.fill("#repo-git-url", "file:///etc");
    await page.getByRole("button", { name: "Create repository" }).click();
    await expectText(page.getByTestId("repo-git-url-error"), /Only https/, "git URL error");
  });
  let busybox;
  await step(page, "fill the build form: base image, scripts in the editor, port", async () => {
    await page.fill("#repo-git-url", GIT_URL);
    busybox = await page.$eval("#repo-base-image", (select) =>
      [...select.options].map((o) => o.value).find((v) => v.includes("/library/busybox:")));
    if (!busybox) throw new Error("no busybox base image offered");
    await page.selectOption("#repo-base-image", busybox);
    await page.locator(".cm-content[data-testid='repo-build_script']").waitFor();
    await page.locator(".cm-content[data-testid='repo-build_script']").fill(BUILD_SCRIPT);
    await page.locator(".cm-content[data-testid='repo-start_script']").fill(START_SCRIPT);
    await page.fill("#repo-ports", "8080");
    await page.getByRole("button", { name: "Create repository" }).click();
    await page.waitForURL(/\/repositories\/[0-9a-f-]{36}$/);
  });
  let repoId;
  await step(page, "the webhook URL and its secret to copy", async () => {
    repoId = page.url().split("/").pop();
    await expectText(page.getByTestId("webhook-url"), new RegExp(`/api/v1/hooks/git/${repoId}$`), "webhook URL");
    await expectText(page.getByTestId("webhook-secret"), /^•+$/, "hidden secret");
    await page.getByRole("button", { name: "Reveal" }).click();
    const repo = await api(page, "GET", `/api/v1/repositories/${repoId}`);
    await expectText(page.getByTestId("webhook-secret"), new RegExp(`^${repo.body.webhook_secret}$`), "revealed secret");
    const saved = await page.locator(".cm-content[data-testid='repo-build_script']").innerText();
    if (!saved.includes("building part")) throw new Error(`build script shown as ${JSON.stringify(saved)}`);
  });
  await step(page, "build now, and the log arrives while it runs", async () => {
    await page.getByRole("button", { name: "Build now" }).click();
    await page.waitForURL(/\/builds\/[0-9a-f-]{36}$/);
    await page.getByTestId("log-viewer").locator(".ansi-green", { hasText: /^building part 1$/ }).waitFor({ timeout: 120_000 });
    // The first lines are on the page while the script still sleeps before the last.
    const text = await logText(page);
    if (text.includes("building part 10")) throw new Error("the whole log came at once, not live");
    await expectText(page.getByTestId("build-status"), /running/, "status while the log grows");
    await expectText(page.getByTestId("log-state"), /live/, "stream state");
    await page.getByRole("button", { name: "Cancel build" }).waitFor();
    await page.getByTestId("log-viewer").locator(".ansi-green", { hasText: /^building part 3$/ }).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "build-log-live.png") });
  });
  await step(page, "the build succeeds with its tag", async () => {
    await expectText(page.getByTestId("build-status"), /succeeded/, "final status", 180_000);
    await expectText(page.getByTestId("log-state"), /complete/, "stream end");
    const text = await logText(page);
    if (!text.includes("building part 10")) throw new Error("the last line is missing from the live log");
    await expectText(page.getByTestId("build-facts"), new RegExp(TAG), "tag");
    await expectText(page.getByTestId("dockerfile"), /FROM .*busybox/, "rendered Dockerfile");
    if (await page.getByRole("button", { name: "Cancel build" }).count()) throw new Error("Cancel shown after the end");
  });
  await step(page, "50,000 log lines stay responsive", async () => {
    // The same page with the stream replaced: a backlog of 50,000 coloured lines, then the end.
    const buildUrl = page.url();
    const buildId = buildUrl.split("/").pop();
    // Only this build's stream: the later builds' logs are real.
    await page.routeWebSocket(new RegExp(`/builds/${buildId}/log/stream$`), (ws) => {
      ws.onMessage(() => {
        for (let start = 0; start < BIG_LOG; start += 2000) {
          const lines = Array.from({ length: 2000 }, (_, i) => `\u001b[3${(start + i) % 8}mline ${start + i + 1}\u001b[0m of the log`);
          ws.send(JSON.stringify({ type: "lines", lines }));
        }
        ws.send(JSON.stringify({ type: "end", status: "succeeded" }));
      });
    });
    const started = Date.now();
    await page.goto(buildUrl);
    await expectText(page.getByTestId("log-viewer"), new RegExp(`line ${BIG_LOG} of the log`), "last line", 30_000);
    const drawnMs = Date.now() - started;
    const rows = await page.getByTestId("log-viewer").locator(".log-row").count();
    if (rows > 200) throw new Error(`${rows} rows in the DOM for ${BIG_LOG} lines`);
    // Scrolling up stops following; the Follow button goes back to the end.
    await page.getByTestId("log-viewer").evaluate((el) => { el.scrollTop = 0; });
    await expectText(page.getByTestId("log-viewer"), /line 1 of the log/, "first line after scrolling up");
    await page.getByRole("button", { name: "↓ Follow" }).click();
    await expectText(page.getByTestId("log-viewer"), new RegExp(`line ${BIG_LOG} of the log`), "back at the end");
    console.log(`BIGLOG ${JSON.stringify({ lines: BIG_LOG, drawn_ms: drawnMs, rows })}`);
  });
  await step(page, "the repository lists the build, the tag (offered as a base image) and the Dockerfile", async () => {
    await page.goto(`${BASE_URL}/repositories/${repoId}`);
    await expectText(page.getByTestId("builds").locator("tbody tr").first(), /succeeded[\s\S]*main/, "build row");
    await expectText(page.getByTestId("tags").locator("tbody"), new RegExp(TAG), "tag row");
    await expectText(page.getByTestId("dockerfile"), /FROM/, "Dockerfile");
    const base = await page.inputValue("#repo-base-image");
    if (!base.includes("/library/busybox:")) throw new Error(`the form shows base image ${JSON.stringify(base)}`);
    // The tag offered as a business base image: the picker lists it for the next builds.
    page.once("dialog", (dialog) => dialog.accept(`site ${suffix}`));
    await page.getByRole("button", { name: "Offer as base image" }).click();
    await expectText(page.getByTestId("tags").locator(".badge", { hasText: "base image" }), /base image/, "offered badge");
    const business = await page.$eval("#repo-base-image", (select) =>
      [...select.querySelectorAll("optgroup[label='Business'] option")].map((o) => o.textContent));
    if (!business.some((label) => label.includes(`site ${suffix}`))) throw new Error(`business base images ${business}`);
  });
  await step(page, "create a version of the app from the tag", async () => {
    await page.getByRole("button", { name: "Create a version from this tag" }).click();
    await page.getByLabel("App for the new version").selectOption(appId);
    await page.getByRole("button", { name: "Open the version form" }).click();
    await page.waitForURL(new RegExp(`/apps/${appId}\\?image=`));
    const image = await page.inputValue("#version-image");
    if (!image.endsWith(`/${NS}/${REPO}:${TAG}`)) throw new Error(`form image ${image}`);
    await page.fill("#version-command", "");
    await page.getByRole("form", { name: "New version" }).getByRole("button", { name: "Create version" }).click();
    await expectText(page.getByTestId("version-1"), new RegExp(`${NS}/${REPO}:${TAG}`), "version row");
  });
  await step(page, "the app follows the builds: a new build makes its next version", async () => {
    await page.goto(`${BASE_URL}/repositories/${repoId}`);
    await page.selectOption("#follow-app", appId);
    await page.fill("#follow-pattern", "main");
    await page.getByRole("button", { name: "Follow builds" }).click();
    await expectText(page.getByTestId("following-apps"), /site-[\s\S]*main/, "following app");
    await page.getByRole("button", { name: "Build now" }).click();
    await page.waitForURL(/\/builds\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId("build-status"), /succeeded/, "second build", 180_000);
    // The version is made as the build is recorded; the app page does not poll: reload.
    const end = Date.now() + 30_000;
    for (;;) {
      await page.goto(`${BASE_URL}/apps/${appId}`);
      await page.getByTestId("versions-table").waitFor();
      if (await page.getByTestId("version-2").count()) break;
      if (Date.now() > end) throw new Error("no version 2 after the build");
      await page.waitForTimeout(500);
    }
    await expectText(page.getByTestId("version-2"), new RegExp(`${TAG}[\\s\\S]*From build`), "version made by the build");
  });
  await step(page, "edit the build script: config c2, and a running build cancelled", async () => {
    await page.goto(`${BASE_URL}/repositories/${repoId}`);
    const editor = page.locator(".cm-content[data-testid='repo-build_script']");
    await editor.waitFor();
    await editor.fill(`${BUILD_SCRIPT}\nsleep 120\n`);
    await page.getByRole("button", { name: "Save configuration" }).click();
    await expectText(page.locator(".page-header"), /config c2/, "config revision after the edit");
    await page.getByRole("button", { name: "Build now" }).click();
    await page.waitForURL(/\/builds\/[0-9a-f-]{36}$/);
    await page.getByTestId("log-viewer").locator(".ansi-green", { hasText: /^building part 3$/ }).waitFor({ timeout: 120_000 });
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Cancel build" }).click();
    await expectText(page.getByTestId("build-status"), /cancelled/, "cancelled status", 60_000);
    await expectText(page.getByTestId("log-state"), /complete/, "stream end after cancel");
  });
  await step(page, "a build of a ref that does not exist fails with its step and reason", async () => {
    await page.goto(`${BASE_URL}/repositories/${repoId}`);
    await page.getByLabel("Branch or tag to build").fill("no-such-branch");
    await page.getByRole("button", { name: "Build now" }).click();
    await page.waitForURL(/\/builds\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId("build-status"), /failed/, "failed status", 120_000);
    await expectText(page.getByTestId("build-reason"), /Failed at clone/, "failure reason");
  });
  await step(page, "an ssh:// repository shows its deploy key to paste", async () => {
    const made = await api(page, "POST", `/api/v1/namespaces/${NS}/repositories`, {
      name: "private-site", git_url: "ssh://git@127.0.0.1:2222/team/site.git", base_image: busybox,
    });
    if (made.status !== 201) throw new Error(`ssh repository: ${made.status} ${JSON.stringify(made.body)}`);
    await page.goto(`${BASE_URL}/repositories/${made.body.id}`);
    await expectText(page.getByTestId("deploy-key"), /^ssh-ed25519 AAAA/, "deploy key");
  });
  await step(page, "a viewer sees no edit, build or secret", async () => {
    await page.evaluate(() => localStorage.removeItem("dockyard.token"));
    await login(page, VIEWER, "viewer-pass-1");
    await page.goto(`${BASE_URL}/repositories/${repoId}`);
    await expectText(page.getByTestId("webhook-url"), /hooks\/git/, "webhook URL for a viewer");
    await expectText(page.getByTestId("following-apps"), /site-/, "following apps for a viewer");
    for (const name of ["Build now", "Save configuration", "Reveal", "Delete", "Create a version from this tag", "Offer as base image", "Follow builds", "Stop"]) {
      if (await page.getByRole("button", { name }).count()) throw new Error(`a viewer sees "${name}"`);
    }
  });
});
