// Runs axe-core on every screen of the built UI in Debian's Chromium (Playwright), with the
// backend being `zairyu ui-serve` (the app layer over HTTP, its bundled server and the
// practice card). Prints one line per screen and exits 1 when any screen has a violation.
//   node ui/a11y/axe-screens.mjs "http://127.0.0.1:PORT/?token=…" [screenshot-dir]   (the address ui-serve printed)
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const base = process.argv[2];
const shots = process.argv[3];
/** The seeded school's staff member (tests/a11y.rs): the counter pass signs in with it. */
const staffId = process.argv[4] ?? "";
if (!base) {
  console.error("usage: node axe-screens.mjs URL [screenshot-dir]");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browser = await chromium.launch({
  // CHROMIUM, else Debian's package, else Playwright's own build (Ubuntu; scripts/setup.sh).
  executablePath: process.env.CHROMIUM ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(15000);
if (shots) mkdirSync(shots, { recursive: true });

let failures = 0;
let screens = 0;
async function check(name) {
  await page.waitForTimeout(150);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  screens += 1;
  if (shots) await page.screenshot({ path: `${shots}/a11y-${name}.png`, fullPage: true });
  if (result.length === 0) {
    console.log(`ok   ${name}`);
  } else {
    failures += result.length;
    console.log(`FAIL ${name}`);
    for (const v of result) console.log(`     ${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(", ")}`);
  }
}
const click = (testid) => page.click(`[data-testid="${testid}"]`);
const fill = (testid, text) => page.fill(`[data-testid="${testid}"]`, text);

// Every interface language; a text the test looks for is read from that language's catalogue.
const languages = ["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"];
const catalogueText = (lang, id) => {
  const source = readFileSync(new URL(`../../locales/${lang}/ui.ftl`, import.meta.url), "utf8");
  return new RegExp(`^${id} = (.*)$`, "m").exec(source)?.[1] ?? id;
};
/** The account registered in the English pass (the counter pass signs in with it). */
let userId = "";
for (const lang of languages) {
  await page.goto(base);
  await page.waitForSelector('[data-testid="applications"]');
  await click(`lang-${lang}`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // The prepared draft's period of stay ends within three months: the home screen says so first.
  await page.waitForSelector('[data-testid="attention-stay"]');
  await check(`${lang}-home`);

  await click("new-application");
  await page.waitForSelector('[data-testid="procedure-search"]');
  await check(`${lang}-procedures`);
  // Star one more procedure (an earlier language starred some: clicking one of those would
  // take its star away) and wait until one more star shows.
  const starred = '[data-testid="favorite"][aria-pressed="true"]';
  const unstarred = page.locator('[data-testid="favorite"][aria-pressed="false"]');
  if (await unstarred.count()) {
    const before = await page.locator(starred).count();
    await unstarred.first().click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [starred, before]);
    await check(`${lang}-procedures-favorite`);
  }
  await page.click('[data-testid="procedure-extension-of-stay"] [data-testid="choose-procedure"]');
  await page.waitForSelector('[data-testid="agree"]');
  await check(`${lang}-terms`);

  await click("nav-home");
  await page.waitForSelector('[data-testid="draft-row"]').catch(() => null);
  const ready = page.locator('[data-testid="draft-row"]', { hasText: catalogueText(lang, "apps-ready") });
  if ((await ready.count()) > 0) {
    await ready.first().locator("button").first().click();
    await page.waitForSelector('[data-testid="draft-form"]');
    await check(`${lang}-form`);
    await click("draft-review");
    await page.waitForSelector('[data-testid="review-page"]');
    await check(`${lang}-review`);
  }

  await click("nav-account");
  await page.waitForSelector('[data-testid="account-page"]');
  await check(`${lang}-account`);
  if (lang === "en") {
    await click("tab-register");
    await check(`${lang}-register-terms`);
    await click("reg-agree");
    await fill("reg-email", "a11y@example.jp");
    await fill("reg-email-again", "a11y@example.jp");
    await click("reg-send");
    await page.waitForSelector('[data-testid="reg-code"]');
    await check(`${lang}-register-code`);
    const mail = await page.locator('[data-testid="demo-mailbox"] pre').first().textContent();
    const code = /paste this code into Zairyu: (\S+)/.exec(mail ?? "")?.[1] ?? "";
    await fill("reg-code", code);
    await click("reg-confirm");
    await page.waitForSelector('[data-testid="reg-name"]');
    await check(`${lang}-register-details`);
    await fill("reg-name", "A ELEVEN Y");
    await fill("reg-tel", "09012345678");
    await fill("reg-password", "Zairyu#2026ok");
    await fill("reg-password-again", "Zairyu#2026ok");
    await click("reg-review");
    await page.waitForSelector('[data-testid="reg-confirmation"]');
    await check(`${lang}-register-confirmation`);
    await click("reg-complete");
    await page.waitForSelector('[data-testid="reg-done"]');
    await click("reg-to-signin");
    await fill("password", "Zairyu#2026ok");
    await click("sign-in");
    await page.waitForSelector('[data-testid="account-details"]');
    userId = /ZR\d{8}/.exec((await page.locator('[data-testid="account-details"]').textContent()) ?? "")?.[0] ?? "";
    await check(`${lang}-signed-in`);
  }
  if (await page.locator('[data-testid="my-page"]').count()) {
    await page.click('[data-testid="my-page"] summary');
    await page.waitForSelector('[data-testid="change-email"]');
    await check(`${lang}-my-page`);
  }
  await page.click('[data-testid="usage-start"]').catch(() => null);
  if (await page.locator('[data-testid="usage-page"]').count()) {
    await page.click('[data-testid="practice-insert"]').catch(() => null);
    await page.waitForSelector('[data-testid="card-status"]');
    await check(`${lang}-usage`);
    await click("usage-read");
    await page.waitForSelector('[data-testid="pin-tries"]');
    await check(`${lang}-pin-dialog`);
    await click("pin-cancel");
  }
  await click("nav-status");
  await page.waitForSelector('[data-testid="status-page"]');
  await check(`${lang}-status`);
  await click("nav-settings");
  await page.waitForSelector('[data-testid="diagnosis"]');
  await check(`${lang}-settings`);
  await click("nav-help");
  await page.waitForSelector('[data-testid="help-page"]');
  await check(`${lang}-help`);
}

// The dark palette (the OS's dark mode, prefers-color-scheme), English only: a few screens.
await page.emulateMedia({ colorScheme: "dark" });
await page.goto(base);
await page.waitForSelector('[data-testid="applications"]');
await click("lang-en");
await page.waitForFunction(() => document.documentElement.lang === "en");
await page.waitForSelector('[data-testid="attention-stay"]');
await check("en-dark-home");
const readyDark = page.locator('[data-testid="draft-row"]', { hasText: catalogueText("en", "apps-ready") });
if ((await readyDark.count()) > 0) {
  await readyDark.first().locator("button").first().click();
  await page.waitForSelector('[data-testid="draft-form"]');
  await check("en-dark-form");
}
await click("nav-settings");
await page.waitForSelector('[data-testid="diagnosis"]');
await check("en-dark-settings");
await click("nav-help");
await page.waitForSelector('[data-testid="help-page"]');
await check("en-dark-help");

// The counter PC (English, light): Settings with the mode on, the visit bar with a staff
// member signed in, an open visit (whom it files for), the end-of-visit dialog, and the
// advisor's board (its school's 500 applications; one opened), in Japanese too.
await page.emulateMedia({ colorScheme: "light" });
await page.goto(base);
await page.waitForSelector('[data-testid="applications"]');
await click("lang-en");
await page.waitForFunction(() => document.documentElement.lang === "en");
await click("nav-settings");
await page.click('[data-testid="counter-mode"]');
await page.waitForSelector('[data-testid="visit-bar"]');
await check("en-counter-settings");
await click("nav-account");
const counterUser = staffId || userId;
await fill("user-id", counterUser);
await fill("password", "Zairyu#2026ok");
await click("sign-in");
await page.waitForFunction((id) => document.querySelector('[data-testid="visit-staff"]')?.textContent?.includes(id), counterUser);
await click("visit-start");
await page.waitForSelector('[data-testid="visit-open"]');
await page.waitForSelector('[data-testid="visit-applicant"]');
await check("en-counter-visit");
await click("visit-end");
await page.waitForSelector('[data-testid="end-visit"]');
await check("en-counter-end-visit");
await click("end-visit-cancel");
if (staffId) {
  await click("visit-end");
  await click("end-visit-confirm");
  await page.waitForSelector('[data-testid="visit-ended"]');
  await click("nav-board");
  await page.waitForSelector('[data-testid="board-table"]');
  await check("en-counter-board");
  await page.selectOption('[data-testid="board-status"]', "in_return_process");
  await click("board-find");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-row"]').length === 5);
  await page.locator('[data-testid="board-open"]').first().click();
  await page.waitForSelector('[data-testid="application-details"]');
  await page.waitForSelector('[data-testid="board-revision-request"]');
  await check("en-counter-board-opened");
  await click("details-close");
  await click("lang-ja");
  await page.waitForFunction(() => document.documentElement.lang === "ja");
  await page.waitForSelector('[data-testid="board-table"]');
  await check("ja-counter-board");
}

await browser.close();
console.log(`${screens} screens checked, ${failures} violation(s)`);
process.exit(failures === 0 ? 0 : 1);
