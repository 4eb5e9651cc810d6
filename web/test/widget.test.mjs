// The website widget in a real headless Chromium (Debian's), driven by playwright-core.
// Started by tests/e2e/test_widget_browser.py, which serves the page and the bot and
// passes WIDGET_URL and SCREENSHOT.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const WIDGET_URL = process.env.WIDGET_URL;
const SCREENSHOT = process.env.SCREENSHOT || "widget.png";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

async function ask(page, text) {
  await page.getByLabel("Your question").fill(text);
  await page.keyboard.press("Enter");
}

test("the widget answers, escalates, survives a reload and never runs message HTML", async () => {
  assert.ok(WIDGET_URL, "WIDGET_URL must be set");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const dialogs = [];
  page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  try {
    await page.goto(WIDGET_URL);
    const log = page.getByRole("log");
    await assert.doesNotReject(page.getByRole("note").getByText("In an emergency call").waitFor());

    await ask(page, "can steroids lower my white count?");
    await log.getByText("Source:").first().waitFor({ timeout: 30000 });
    assert.match(await log.innerText(), /corticosteroid/);

    await page.getByRole("button", { name: "Tell me more" }).first().click();
    await log.getByText("only one possible reason").first().waitFor({ timeout: 30000 });

    await ask(page, "my temp is 39.5 and I'm shivering");
    await log.getByText("This may be a medical emergency").first().waitFor({ timeout: 30000 });

    await page.reload();
    await log.getByText("This may be a medical emergency").first().waitFor();
    await ask(page, "tell me more");
    await page.waitForFunction(
      () => document.querySelector(".leukobot-log").innerText.split("only one possible reason").length > 2,
      null, { timeout: 30000 },
    );

    const attack = "<img src=x onerror=alert(1)>";
    await ask(page, attack);
    await log.getByText(attack).waitFor();
    assert.equal(await log.locator("img").count(), 0);
    await page.waitForTimeout(1000);
    assert.deepEqual(dialogs, []);

    // Bot and user messages share one renderer: only http(s) addresses become links.
    await ask(page, "see javascript:alert(1) and https://example.org/info");
    await log.getByText("javascript:alert(1)", { exact: false }).first().waitFor();
    const links = await log.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, ["https://example.org/info"]);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  } finally {
    await browser.close();
  }
});

test("an unreachable server gets a clear error with a retry button", async () => {
  const deadUrl = process.env.WIDGET_DEAD_URL;
  assert.ok(deadUrl, "WIDGET_DEAD_URL must be set");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  try {
    await page.goto(deadUrl);
    await page.getByRole("alert").getByText("Can't reach the assistant").waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: "Retry" }).waitFor();
    await assert.doesNotReject(page.getByRole("note").getByText("In an emergency call").waitFor());
  } finally {
    await browser.close();
  }
});
