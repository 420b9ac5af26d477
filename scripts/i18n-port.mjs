#!/usr/bin/env node
// The message catalogues' tool (locales/<language>/*.ftl, Fluent):
//
//   node scripts/i18n-port.mjs import --en FILE.ts --ja FILE.ts [--keys a.b,c.d] [--from NAME]
//       Appends the keys of en.ts/ja.ts-style objects (`export const en = { "a.b": "text {n}" }`)
//       that the catalogues lack: English and Japanese with their texts, every other language
//       with the English text under a `## unreviewed` group (to be translated), then rewrites
//       ui/src/lib/i18n/keys.ts. `error.*` keys go to errors.ftl, the rest to ui.ftl.
//       A key `a.b.c` is the Fluent id `a-b-c`; `{name}` becomes `{ $name }`.
//   node scripts/i18n-port.mjs forms         appends to every other language's forms.ftl the form
//       labels of locales/en/forms.ftl it lacks (English text, `## unreviewed` group, to be
//       translated) and names the ones it has beyond English (after a schema change and
//       `UPDATE_LABELS=1 cargo test -p zairyu-forms --test label_catalogues`)
//   node scripts/i18n-port.mjs keys          rewrites ui/src/lib/i18n/keys.ts from locales/en
//   node scripts/i18n-port.mjs unreviewed    writes locales/UNREVIEWED.md (and prints the counts)
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const locales = join(root, "locales");
export const languages = ["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"];

/** The object literal of an en.ts/ja.ts-style module, evaluated (strings only). */
export function readDictionary(file) {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("{", text.indexOf("="));
  const end = text.lastIndexOf("}");
  return new Function(`return (${text.slice(start, end + 1)});`)();
}

export const idOf = (key) => key.replaceAll(".", "-");
export const keyOf = (id) => id.replaceAll("-", ".");
const fileOf = (key) => (key.startsWith("error.") ? "errors.ftl" : "ui.ftl");

/** A UI text with `{name}` placeholders as a Fluent value (one line). */
export function ftlValue(text) {
  const escaped = text.replace(/\{(\w+)\}|[{}]/g, (whole, name) =>
    name ? `{ $${name} }` : `{ "${whole}" }`,
  );
  // A value that starts with a space would lose it; Fluent keeps a quoted one.
  return /^\s/.test(escaped) ? `{ "" }${escaped}` : escaped;
}

/** The message ids of a catalogue file, each with whether it is in an `## unreviewed` group. */
export function messages(file) {
  if (!existsSync(file)) return [];
  let unreviewed = false;
  const found = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("## ")) unreviewed = /^## unreviewed\b/.test(line);
    const id = /^([a-zA-Z][\w-]*)\s*=/.exec(line)?.[1];
    if (id) found.push({ id, unreviewed });
  }
  return found;
}

function append(file, header, lines) {
  if (lines.length === 0) return;
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  const gap = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  writeFileSync(file, `${before}${gap}${header}\n${lines.join("\n")}\n`);
}

function importKeys(options) {
  const en = readDictionary(options.en);
  const ja = options.ja ? readDictionary(options.ja) : {};
  const wanted = options.keys ? options.keys.split(",").map((k) => k.trim()) : Object.keys(en);
  const from = options.from ? ` (from ${options.from})` : "";
  const known = new Set(["ui.ftl", "errors.ftl"].flatMap((f) => messages(join(locales, "en", f)).map((m) => m.id)));
  const added = wanted.filter((key) => key in en && !known.has(idOf(key)));
  for (const file of ["ui.ftl", "errors.ftl"]) {
    const keys = added.filter((key) => fileOf(key) === file);
    for (const language of languages) {
      const reviewed = language === "en" || language === "ja";
      const lines = keys.map((key) => {
        const text = language === "ja" && key in ja ? ja[key] : en[key];
        return `${idOf(key)} = ${ftlValue(text)}`;
      });
      const header = reviewed
        ? `## ported${from}`
        : `## unreviewed: English text still to translate${from}`;
      append(join(locales, language, file), header, lines);
    }
  }
  writeKeys();
  console.log(`added ${added.length} key(s): ${added.join(", ") || "none"}`);
}

/** forms.ftl of each translated language: English form labels it lacks appended, extra ones named. */
function portFormLabels() {
  // Each message of locales/en/forms.ftl with its lines (the id line and its `.hint`).
  const blocks = new Map();
  let current = null;
  for (const line of readFileSync(join(locales, "en", "forms.ftl"), "utf8").split("\n")) {
    const id = /^(label-[\w-]+)\s*=/.exec(line)?.[1];
    if (id) blocks.set((current = id), [line]);
    else if (current && /^\s+\./.test(line)) blocks.get(current).push(line);
    else current = null;
  }
  for (const language of languages.filter((l) => l !== "en" && l !== "ja")) {
    const file = join(locales, language, "forms.ftl");
    const have = new Set(messages(file).map((m) => m.id));
    const missing = [...blocks.keys()].filter((id) => !have.has(id));
    append(file, "## unreviewed: English text still to translate (form labels)", missing.flatMap((id) => blocks.get(id)));
    const extra = [...have].filter((id) => !blocks.has(id));
    console.log(`${language}: added ${missing.length}${extra.length ? `; not in English, remove: ${extra.join(", ")}` : ""}`);
  }
}

/** ui/src/lib/i18n/keys.ts: the UI's message keys, from the English catalogue. */
function writeKeys() {
  const ids = ["ui.ftl", "errors.ftl"].flatMap((f) => messages(join(locales, "en", f)).map((m) => m.id));
  const body = ids.map((id) => `  ${JSON.stringify(keyOf(id))},`).join("\n");
  writeFileSync(
    join(root, "ui/src/lib/i18n/keys.ts"),
    `// Generated by scripts/i18n-port.mjs from locales/en/{ui,errors}.ftl: do not edit.\n` +
      `// A key \`a.b\` is the Fluent id \`a-b\`.\nexport const messageKeys = [\n${body}\n] as const;\n\n` +
      `export type MessageKey = (typeof messageKeys)[number];\n`,
  );
}

/** locales/UNREVIEWED.md: per language, the texts no native speaker has reviewed yet. */
function writeUnreviewed() {
  let out =
    "# Texts not yet reviewed by a native speaker\n\n" +
    "Generated by `node scripts/i18n-port.mjs unreviewed` from the `## unreviewed` groups of\n" +
    "the catalogues. A reviewer corrects the texts and renames the group's comment.\n\n" +
    "| language | file | unreviewed | of |\n|---|---|---|---|\n";
  const lists = [];
  const totals = [];
  for (const language of languages) {
    let sum = 0;
    for (const file of readdirSync(join(locales, language)).filter((f) => f.endsWith(".ftl")).sort()) {
      const all = messages(join(locales, language, file));
      const open = all.filter((m) => m.unreviewed);
      if (open.length === 0) continue;
      sum += open.length;
      out += `| ${language} | ${file} | ${open.length} | ${all.length} |\n`;
      lists.push(`### ${language}/${file}\n\n${open.map((m) => m.id).join(", ")}\n`);
    }
    totals.push(`${language}: ${sum}`);
  }
  writeFileSync(join(locales, "UNREVIEWED.md"), `${out}\n## Ids\n\n${lists.join("\n")}`);
  console.log(totals.join("\n"));
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) options[argv[i].replace(/^--/, "")] = argv[i + 1];
  return options;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "import") importKeys(parseArgs(rest));
  else if (command === "keys") writeKeys();
  else if (command === "forms") portFormLabels();
  else if (command === "unreviewed") writeUnreviewed();
  else {
    console.error("usage: i18n-port.mjs import --en en.ts [--ja ja.ts] [--keys k1,k2] [--from NAME] | keys | forms | unreviewed");
    process.exit(2);
  }
}
