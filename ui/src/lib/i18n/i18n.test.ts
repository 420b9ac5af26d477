// Both languages are complete, and placeholders are filled.
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";
import { errorText, t } from "./index";

describe("translations", () => {
  it("have the same keys in English and Japanese, none empty", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(ja)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(ja[key]), key).toEqual(names(en[key]));
    }
  });

  it("fill placeholders and translate error codes", () => {
    expect(t("en", "checklist.progress", { done: 2, total: 7 })).toBe("2 of 7 ready");
    expect(t("ja", "checklist.progress", { done: 2, total: 7 })).toBe("7件中2件 準備済み");
    expect(errorText("en", "storage_failed", "x")).toContain("could not save");
    expect(errorText("en", "no_such_code", "disk on fire")).toBe("Something went wrong: disk on fire");
  });
});
