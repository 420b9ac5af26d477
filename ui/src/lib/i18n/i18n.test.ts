// Every catalogue has every message of English with the same arguments and attributes, and the
// UI's keys render in every language.
import { describe, expect, it } from "vitest";
import { bundle, catalogueSources, errorText, findingText, languages, messageKeys, t } from "./index";

/** Per message id: its variables and attribute names, from the Fluent source. */
function shape(source: string): Map<string, string> {
  const messages = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of source.split("\n")) {
    const id = /^([a-zA-Z][\w-]*)\s*=/.exec(line)?.[1];
    if (id) {
      current = id;
      messages.set(id, []);
    } else if (!/^\s/.test(line)) {
      current = undefined;
    }
    if (!current) continue;
    const parts = messages.get(current)!;
    // A variable only chosen on (`{ $count -> …}`: plurals) may be left out by a language without that choice.
    for (const m of line.matchAll(/\{\s*\$(\w+)\b(?!\s*->)/g)) parts.push(`$${m[1]}`);
    const attribute = /^\s+\.([\w-]+)\s*=/.exec(line)?.[1];
    if (attribute) parts.push(`.${attribute}`);
  }
  return new Map([...messages].map(([id, parts]) => [id, [...new Set(parts)].sort().join(" ")]));
}

describe("catalogues", () => {
  const english = catalogueSources("en");

  it("exist for every language with the same files", () => {
    expect(languages).toEqual(["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"]);
    for (const language of languages) {
      expect(Object.keys(catalogueSources(language)).sort(), language).toEqual(Object.keys(english).sort());
    }
  });

  it("have every English message with the same arguments and attributes, and no other", () => {
    for (const language of languages) {
      for (const [file, source] of Object.entries(catalogueSources(language))) {
        const theirs = shape(source);
        const ours = shape(english[file]);
        expect([...theirs.keys()].sort(), `${language}/${file}`).toEqual([...ours.keys()].sort());
        for (const [id, parts] of ours) expect(theirs.get(id), `${language}/${file}: ${id}`).toBe(parts);
      }
    }
  });

  it("parse, and give every UI key a non-empty text in every language", () => {
    for (const language of languages) {
      const b = bundle(language);
      for (const key of messageKeys) {
        expect(b.hasMessage(key.replaceAll(".", "-")), `${language}: ${key}`).toBe(true);
        expect(t(language, key, {}).trim(), `${language}: ${key}`).not.toBe("");
      }
    }
  });
});

describe("translations", () => {
  it("fill placeholders and translate error codes", () => {
    expect(t("en", "checklist.progress", { done: 2, total: 7 })).toBe("2 of 7 ready");
    expect(t("ja", "checklist.progress", { done: 2, total: 7 })).toBe("7件中2件 準備済み");
    expect(errorText("en", "storage_failed", "x")).toContain("could not save");
    expect(errorText("en", "no_such_code", "disk on fire")).toBe("Something went wrong: disk on fire");
    expect(errorText("vi", "storage_failed", "x")).not.toBe(errorText("en", "storage_failed", "x"));
  });

  it("render a finding from its code and arguments in each language", () => {
    const finding = {
      code: "set_too_many_files",
      message_id: "set_too_many_files",
      args: { count: 21, max: 20 },
      message: "21 files are attached; at most 20 are accepted, the photo included.",
      message_ja: "21件のファイルが添付されています。写真を含めて20件までです。",
      hint: "x",
      hint_ja: "x",
      file: null,
    };
    expect(findingText("en", finding)).toBe(finding.message);
    expect(findingText("ja", finding)).toBe(finding.message_ja);
    const texts = new Set(languages.map((language) => findingText(language, finding)));
    expect(texts.size).toBe(languages.length);
    const label = { ...finding, code: "required", message_id: "form-required", args: { label_en: "Nationality", label_ja: "国籍" } };
    expect(findingText("en", label)).toBe("Nationality: required; enter it.");
    expect(findingText("vi", label)).toContain("Nationality（国籍）");
  });
});
