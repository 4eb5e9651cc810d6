// The website widget on the demo clinic page, in a real headless Chromium (Debian's),
// driven by playwright-core, checked by axe-core. Started by
// tests/e2e/test_widget_browser.py, which serves the pages and the bot and passes
// WIDGET_URL, WIDGET_DEAD_URL, SCREENSHOT_DIR and EMERGENCY_NUMBER.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve("axe-core/axe.min.js");
const WIDGET_URL = process.env.WIDGET_URL;
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || ".";
const EMERGENCY_NUMBER = process.env.EMERGENCY_NUMBER || "";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const REPLY_MS = 30000;

async function withPage(viewport, body) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  try {
    await body(page);
  } finally {
    await browser.close();
  }
}

function launcher(page) {
  return page.getByRole("button", { name: /^Open chat/ });
}

async function ask(page, text) {
  await page.getByLabel("Your question").fill(text);
  await page.keyboard.press("Enter");
}

// No axe-core violation of impact "serious" or "critical" on the page as it is now.
async function accessible(page, state) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const result = await page.evaluate(async () => window.axe.run(document));
  const grave = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [],
    `axe-core violations with the panel ${state}`,
  );
}

test("a launcher on the clinic page opens the panel, which answers and closes with Esc", async () => {
  assert.ok(WIDGET_URL, "WIDGET_URL must be set");
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await page.goto(WIDGET_URL);
    await launcher(page).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 0, "the panel starts closed");
    await page.getByRole("heading", { name: "Blood tests and your white cell count" }).waitFor();
    await accessible(page, "closed");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "widget-closed.png") });

    await launcher(page).click();
    const panel = page.getByRole("dialog", { name: /low white blood cell count/ });
    await panel.waitFor();
    assert.equal(await launcher(page).getAttribute("aria-expanded"), "true");
    assert.ok(await page.getByLabel("Your question").evaluate((input) => input === document.activeElement));
    const note = panel.getByRole("note");
    await note.getByText(`In an emergency call ${EMERGENCY_NUMBER} now`).waitFor();
    const box = await panel.boundingBox();
    assert.ok(box.width <= 400 && box.height <= 620, `panel ${box.width} x ${box.height}`);

    await ask(page, "can steroids lower my white count?");
    const log = page.getByRole("log");
    await log.getByText("Source:").first().waitFor({ timeout: REPLY_MS });
    assert.match(await log.innerText(), /corticosteroid/);
    assert.ok(await note.isVisible(), "the emergency line stays visible");
    await accessible(page, "open");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "widget-open.png") });

    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    assert.ok(await launcher(page).evaluate((button) => button === document.activeElement));

    await launcher(page).click();
    await page.getByRole("button", { name: "Close chat" }).click();
    await panel.waitFor({ state: "hidden" });
    assert.ok(await launcher(page).evaluate((button) => button === document.activeElement));
  });
});

test("a reply while closed shows an unread badge; state and conversation survive pages", async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await page.goto(WIDGET_URL);
    await launcher(page).click();
    await page.getByLabel("Your question").fill("my temp is 39.5 and I'm shivering");
    // Send and close in one task, so the reply cannot arrive before the panel closes.
    await page.evaluate(() => {
      document.querySelector(".leukobot-form").requestSubmit();
      document.querySelector("#leukobot-panel")
        .dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: /Open chat.*\(1 new reply\)|Open chat.*new replies/ })
      .waitFor({ timeout: REPLY_MS });
    assert.match(await page.locator(".leukobot-badge").innerText(), /^[1-9]/);

    await page.reload();
    await page.getByRole("button", { name: /new repl/ }).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 0, "closed stays closed after a reload");
    await launcher(page).click();
    await page.getByRole("log").getByText("This may be a medical emergency").first().waitFor();
    assert.equal(await page.locator(".leukobot-badge").isVisible(), false);

    await page.getByRole("link", { name: "Your visit" }).click();
    await page.getByRole("heading", { name: "Your visit" }).waitFor();
    const panel = page.getByRole("dialog");
    await panel.waitFor();
    await panel.getByRole("log").getByText("This may be a medical emergency").first().waitFor();
    await ask(page, "can steroids lower my white count?");
    await panel.getByText("corticosteroid", { exact: false }).first().waitFor({ timeout: REPLY_MS });
  });
});

test("keyboard only: open, type, send, pick a button, close", async () => {
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await page.goto(WIDGET_URL);
    await launcher(page).waitFor();
    for (let step = 0; step < 10; step += 1) {
      await page.keyboard.press("Tab");
      if (await launcher(page).evaluate((button) => button === document.activeElement)) break;
    }
    assert.ok(await launcher(page).evaluate((button) => button === document.activeElement), "Tab reaches the launcher");
    await page.keyboard.press("Enter");
    await page.keyboard.type("could lupus cause a low count?");
    await page.keyboard.press("Enter");
    const more = page.getByRole("button", { name: "Tell me more" }).first();
    await more.waitFor({ timeout: REPLY_MS });
    let focused = false;
    for (let step = 0; step < 40 && !focused; step += 1) {
      await page.keyboard.press("Shift+Tab");
      focused = await more.evaluate((button) => button === document.activeElement);
    }
    assert.ok(focused, "Shift+Tab reaches the quick-reply button");
    await page.keyboard.press("Enter");
    await page.getByRole("log").getByText("white cells can be among the cells that are lost", { exact: false })
      .first().waitFor({ timeout: REPLY_MS });
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    assert.ok(await launcher(page).evaluate((button) => button === document.activeElement));
  });
});

test("on a phone the panel fills the screen; message HTML never runs; only http(s) links", async () => {
  await withPage({ width: 360, height: 740 }, async (page) => {
    const dialogs = [];
    page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
    await page.goto(WIDGET_URL);
    await launcher(page).click();
    const box = await page.getByRole("dialog").boundingBox();
    assert.deepEqual([box.width, box.height], [360, 740]);

    const log = page.getByRole("log");
    const attack = "<img src=x onerror=alert(1)>";
    await ask(page, attack);
    await log.getByText(attack).waitFor();
    assert.equal(await log.locator("img").count(), 0);
    await ask(page, "see javascript:alert(1) and https://example.org/info");
    await log.getByText("javascript:alert(1)", { exact: false }).first().waitFor();
    const links = await log.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, ["https://example.org/info"]);
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, []);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "widget-phone.png") });
  });
});

test("an unreachable server gets a clear error with a retry button", async () => {
  const deadUrl = process.env.WIDGET_DEAD_URL;
  assert.ok(deadUrl, "WIDGET_DEAD_URL must be set");
  await withPage({ width: 360, height: 740 }, async (page) => {
    await page.goto(deadUrl);
    await launcher(page).click();
    await page.getByRole("alert").getByText("Can't reach the assistant").waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: "Retry" }).waitFor();
    await page.getByRole("note").getByText("In an emergency call").waitFor();
  });
});
