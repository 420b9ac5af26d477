// The main path with the keyboard alone, in Debian's Chromium against `zairyu ui-serve`: register
// (code from the demo mailbox), sign in, usage application with the practice card and two PIN
// entries, choose a procedure and agree to the terms, open the prepared draft, review, sign,
// receipt. Then the counter (with the seeded school's staff member, when given): counter-PC mode
// in Settings, the staff sign-in from the visit bar, a visit started, the student chosen in the
// visit bar's select, the end-of-visit dialog (Tab stays in it, Escape cancels and gives the
// focus back, then the visit ended), and the advisor's board (search, a row opened and closed,
// the status filter, the next page). Every control is reached with Tab (or Shift+Tab) and used
// with Enter, Space, arrow keys or typing — never a mouse click. Prints the key presses; exits 1
// when a step cannot be done.
//   node ui/a11y/keyboard-path.mjs "http://127.0.0.1:PORT/?token=…" [screenshot-dir] [staff-user-id school-id]
//   (the address ui-serve printed)
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.argv[2];
const shots = process.argv[3];
const staffId = process.argv[4];
const schoolId = process.argv[5];
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

/** Replaces what a field holds (Ctrl+A, then typing). */
async function retype(selector, text) {
  await tabTo(selector);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  presses += 1 + text.length;
}

/** Fails unless the focus is on (or inside) `selector`. */
async function focusIn(selector, what) {
  const inside = await page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
  if (!inside) throw new Error(`${what}: the focus is not in ${selector}`);
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
// The student's school (the counter steps below file for them there).
if (schoolId) await type('[data-testid="usage-organisation"]', schoolId);
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

if (staffId) {
  await press('[data-testid="nav-settings"]');
  await press('[data-testid="counter-mode"]', "Space");
  await page.waitForSelector('[data-testid="visit-bar"]');
  step("counter PC chosen");

  await press('[data-testid="visit-staff-sign-in"]');
  await retype('[data-testid="user-id"]', staffId);
  await type('[data-testid="password"]', "Zairyu#2026ok");
  await press('[data-testid="sign-in"]');
  await page.waitForFunction((id) => document.querySelector('[data-testid="visit-staff"]')?.textContent?.includes(id), staffId);
  await press('[data-testid="visit-start"]');
  await page.waitForSelector('[data-testid="visit-open"]');
  // A closed select: typing the first letters of the name chooses the student.
  await page.waitForSelector('[data-testid="visit-applicant-select"] option:nth-child(2)', { state: "attached" });
  await type('[data-testid="visit-applicant-select"]', "KAY");
  await page.waitForFunction(() => document.querySelector('[data-testid="visit-applicant-note"]')?.textContent?.includes("KAY BOARD"));
  step("staff signed in, visit started, student chosen");

  await press('[data-testid="visit-end"]');
  await page.waitForSelector('[data-testid="end-visit-confirm"]');
  await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="end-visit"]'));
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    presses += 1;
    await focusIn('[data-testid="end-visit"]', "Tab stays in the end-of-visit dialog");
  }
  await page.keyboard.press("Escape");
  presses += 1;
  await page.waitForSelector('[data-testid="end-visit"]', { state: "detached" });
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="visit-end"]'));
  await page.keyboard.press("Enter");
  presses += 1;
  await press('[data-testid="end-visit-confirm"]');
  await page.waitForSelector('[data-testid="visit-ended"]');
  step("end-of-visit dialog cancelled with Escape, the visit ended");

  await press('[data-testid="nav-board"]');
  await page.waitForSelector('[data-testid="board-table"]');
  await type('[data-testid="board-search"]', "KAY BOARD");
  await page.keyboard.press("Enter");
  presses += 1;
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-row"]').length === 1);
  await press('[data-testid="board-open"]');
  await page.waitForSelector('[data-testid="application-details"]');
  await focusIn('[data-testid="board-opened-title"]', "the opened application takes the focus");
  await press('[data-testid="details-close"]');
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="board-open"]'));
  await retype('[data-testid="board-search"]', "");
  await page.keyboard.press("Backspace");
  // The status filter, first choice after "Any status": returned for changes.
  await tabTo('[data-testid="board-status"]');
  await page.keyboard.press("ArrowDown");
  presses += 2;
  await press('[data-testid="board-find"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-row"]').length === 5);
  await tabTo('[data-testid="board-status"]');
  await page.keyboard.press("ArrowUp");
  presses += 1;
  await press('[data-testid="board-find"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-row"]').length === 50);
  await press('[data-testid="board-next"]');
  await page.waitForFunction(() => /\b2\b/.test(document.querySelector('[data-testid="board-page-of"]')?.textContent ?? ""));
  await focusIn('[data-testid="board-next"]', "the next-page button keeps the focus");
  if (shots) await page.screenshot({ path: `${shots}/keyboard-board.png` });
  step("board searched, filtered, paged, one opened and closed");
}

await browser.close();
console.log(`keyboard-only main path: ${presses} key presses, no mouse`);
