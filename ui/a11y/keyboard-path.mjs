// The main path with the keyboard alone, in Debian's Chromium against `zairyu ui-serve`: register
// (code from the demo mailbox), sign in, usage application with the practice card and two PIN
// entries, choose a procedure and agree to the terms, open the prepared draft, review, sign,
// receipt. Every control is reached with Tab (or Shift+Tab) and used with Enter, Space or
// typing — never a mouse click. Prints the key presses; exits 1 when a step cannot be done.
//   node ui/a11y/keyboard-path.mjs "http://127.0.0.1:PORT/?token=…" [screenshot-dir]   (the address ui-serve printed)
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.argv[2];
const shots = process.argv[3];
if (!base) {
  console.error("usage: node keyboard-path.mjs URL [screenshot-dir]");
  process.exit(2);
}
const browser = await chromium.launch({
  // CHROMIUM, else Debian's package, else Playwright's own build (Ubuntu; scripts/setup.sh).
  executablePath: process.env.CHROMIUM ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(15000);
let presses = 0;

const focused = (selector) =>
  page.evaluate((sel) => {
    const a = document.activeElement;
    return !!a && a !== document.body && a.matches(sel);
  }, selector);

/** Presses Tab until `selector` has the focus (going round the page at most twice). */
async function tabTo(selector) {
  await page.waitForSelector(selector);
  for (let i = 0; i < 160; i++) {
    if (await focused(selector)) return;
    await page.keyboard.press("Tab");
    presses += 1;
  }
  throw new Error(`${selector} cannot be reached with the Tab key`);
}

/** Waits until the control is enabled, reaches it with Tab and presses `key` on it. */
async function press(selector, key = "Enter") {
  await page.waitForSelector(`${selector}:not([disabled])`);
  await tabTo(selector);
  await page.keyboard.press(key);
  presses += 1;
}

async function type(selector, text) {
  await tabTo(selector);
  await page.keyboard.type(text);
  presses += text.length;
}

async function pin(code) {
  await page.waitForSelector('[data-testid="pin-tries"]');
  // The dialog puts the focus in the PIN field itself.
  if (!(await focused('[data-testid="pin-input"]'))) throw new Error("the PIN dialog did not take the focus");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  presses += code.length + 1;
}

const step = (name) => console.log(`ok   ${name} (${presses} key presses so far)`);

await page.goto(base);
await page.waitForSelector('[data-testid="applications"]');

await press('[data-testid="nav-account"]');
await press('[data-testid="tab-register"]');
await press('[data-testid="reg-agree"]');
await type('[data-testid="reg-email"]', "kb@example.jp");
await type('[data-testid="reg-email-again"]', "kb@example.jp");
await press('[data-testid="reg-send"]');
await page.waitForSelector('[data-testid="reg-code"]');
// Reading the e-mail is not a key press: the student reads it in the demo mailbox.
const mail = await page.locator('[data-testid="demo-mailbox"] pre').first().textContent();
const code = /paste this code into Zairyu: (\S+)/.exec(mail ?? "")?.[1];
if (!code) throw new Error("no code in the demo mailbox");
await type('[data-testid="reg-code"]', code);
await press('[data-testid="reg-confirm"]');
await type('[data-testid="reg-name"]', "KAY BOARD");
await type('[data-testid="reg-tel"]', "09012345678");
await type('[data-testid="reg-password"]', "Zairyu#2026ok");
await type('[data-testid="reg-password-again"]', "Zairyu#2026ok");
await press('[data-testid="reg-review"]');
await press('[data-testid="reg-complete"]');
await page.waitForSelector('[data-testid="reg-done"]');
await press('[data-testid="reg-to-signin"]');
await type('[data-testid="password"]', "Zairyu#2026ok");
await press('[data-testid="sign-in"]');
await page.waitForSelector('[data-testid="account-details"]');
step("registered and signed in");

await press('[data-testid="usage-start"]');
await press('[data-testid="practice-insert"]');
await press('[data-testid="usage-read"]');
await pin("1234");
await page.waitForSelector('[data-testid="basic-four"]');
await type('[data-testid="field-user.postal_code"] input', "874-8577");
await type('[data-testid="usage-card-number"]', "AB12345678CD");
await press('[data-testid="usage-sign"]');
await pin("1234");
await page.waitForSelector('[data-testid="usage-done"]');
step("usage application signed");

await press('[data-testid="nav-home"]');
await press('[data-testid="new-application"]');
await type('[data-testid="procedure-search"]', "extension");
await page.keyboard.press("Enter");
presses += 1;
await press('[data-testid="procedure-extension-of-stay"] [data-testid="choose-procedure"]');
await press('[data-testid="agree"]');
await page.waitForSelector('[data-testid="draft-form"]');
step("procedure chosen, terms agreed, a new form opened");

await press('[data-testid="nav-home"]');
// The prepared draft (ready to sign) is the one with nothing to fix.
const ready = '[data-testid="draft-row"]:has(.ok) button:not(.quiet)';
await press(ready);
await press('[data-testid="draft-review"]');
await press('[data-testid="review-sign"]');
await pin("1234");
await page.waitForSelector('[data-testid="receipt-reference"]');
const reference = await page.locator('[data-testid="receipt-reference"]').textContent();
if (!reference?.startsWith("ZR-")) throw new Error(`no reference number on the receipt: ${reference}`);
if (shots) await page.screenshot({ path: `${shots}/keyboard-receipt.png` });
step(`signed and filed: ${reference}`);

await browser.close();
console.log(`keyboard-only main path: ${presses} key presses, no mouse`);
