// Translation over the Fluent catalogues in locales/<language>/ (embedded by Vite at build
// time): t(language, key, values), where a key `a.b.c` is the Fluent id `a-b-c`, English the
// fallback for a message a catalogue lacks. Findings from the Rust libraries are rendered here
// too, from their code and arguments (locales/*/findings.ftl).
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Language } from "../generated/bindings";
import { messageKeys, type MessageKey } from "./keys";

export type { MessageKey };
export { messageKeys };

/** Every language of the interface, in the order the switch offers them. */
export const languages: readonly Language[] = ["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"];

/** The locale Intl formats dates and numbers with, per language. */
export const intlLocale: Record<Language, string> = {
  en: "en-GB",
  ja: "ja-JP",
  "zh-Hans": "zh-Hans-CN",
  vi: "vi-VN",
  ne: "ne-NP",
  ko: "ko-KR",
  id: "id-ID",
};

const files = import.meta.glob("../../../../locales/*/{ui,errors,findings,forms}.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The catalogue texts of one language, by file name (`ui.ftl`, …). */
export function catalogueSources(language: Language): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)$/.exec(path);
    if (match && match[1] === language) sources[match[2]] = text;
  }
  return sources;
}

function bundleOf(language: Language): FluentBundle {
  const bundle = new FluentBundle(intlLocale[language], { useIsolating: false });
  for (const text of Object.values(catalogueSources(language))) {
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length > 0) throw new Error(`locales/${language}: ${errors.map(String).join("; ")}`);
  }
  return bundle;
}

const bundles = new Map<Language, FluentBundle>();
export function bundle(language: Language): FluentBundle {
  let found = bundles.get(language);
  if (!found) {
    found = bundleOf(language);
    bundles.set(language, found);
  }
  return found;
}

/** `id` of `language` (English when that catalogue lacks it), or undefined if none has it. */
function format(language: Language, id: string, values: Record<string, FluentVariable>, attribute?: string): string | undefined {
  for (const lang of language === "en" ? ["en" as const] : [language, "en" as const]) {
    const b = bundle(lang);
    const message = b.getMessage(id);
    const pattern = attribute ? message?.attributes[attribute] : message?.value;
    // A missing argument shows as `{$name}` (as the old `{name}` did) rather than throwing.
    if (pattern) return b.formatPattern(pattern, values, []);
  }
  return undefined;
}

export function t(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return format(language, key.replaceAll(".", "-"), values) ?? key;
}

/** The message for an error code from the backend, or the generic one with its message. */
export function errorText(language: Language, code: string, message: string): string {
  const key = `error.${code}` as MessageKey;
  // `n`: the number the message carries (the tries left of a wrong PIN).
  const n = /\d+/.exec(message)?.[0] ?? "?";
  return (messageKeys as readonly string[]).includes(key)
    ? t(language, key, { message, n })
    : (format(language, code, {}) ?? t(language, "error.unknown", { message }));
}

/** A finding of the Rust checks or forms as it travels: its message id and arguments, and the English and Japanese texts. */
export interface FindingText {
  code: string;
  message_id?: string;
  args?: Record<string, FindingArg> | null;
  file?: string | null;
  message: string;
  message_ja: string;
  hint?: string;
  hint_ja?: string;
}
export type FindingArg = string | number | string[];

/** Of a text the data has in English and Japanese only: the one of the language, or both (the official Japanese term beside the English). */
export function pairText(language: Language, english: string, japanese: string): string {
  if (language === "en") return english;
  if (language === "ja") return japanese;
  return english === japanese || japanese === "" ? english : `${english}（${japanese}）`;
}

/**
 * The Fluent id of a form's label (locales/<language>/forms.ftl, the same ids as
 * `zairyu_forms::labels::label_id`): `label-<procedure>` then each part (section id, field id,
 * column id, choice value) after `--`.
 */
export function formLabelId(procedure: string, ...parts: string[]): string {
  return ["label-" + procedure, ...parts].join("--");
}

/**
 * A form's label (or, with `attribute` "hint", its hint) in `language`: English and Japanese are
 * the schema's own texts; another language's comes from its forms.ftl, the English one when the
 * catalogue has none (a choice from a shipped list: nationalities, offices).
 */
export function formText(
  language: Language,
  procedure: string,
  parts: string[],
  english: string,
  japanese: string,
  attribute?: "hint",
): string {
  if (language === "en") return english;
  if (language === "ja") return japanese;
  const b = bundle(language);
  const message = b.getMessage(formLabelId(procedure, ...parts));
  const pattern = attribute ? message?.attributes[attribute] : message?.value;
  return pattern ? b.formatPattern(pattern, {}, []) : english;
}

function renderArg(language: Language, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00`).toLocaleDateString(intlLocale[language], { dateStyle: "long" });
  }
  return format(language, `term-${value}`, {}) ?? value;
}

function findingValues(language: Language, args: Record<string, FindingArg>): Record<string, FluentVariable> {
  const values: Record<string, FluentVariable> = {};
  const list = new Intl.ListFormat(intlLocale[language], { type: "conjunction" });
  for (const [name, value] of Object.entries(args)) {
    if (Array.isArray(value)) values[name] = list.format(value.map((item) => renderArg(language, item)));
    else if (typeof value === "string") values[name] = renderArg(language, value);
    else values[name] = value;
    const japanese = args[name.replace(/_en$/, "_ja")];
    if (name.endsWith("_en") && typeof value === "string" && typeof japanese === "string") {
      values[name.slice(0, -3)] = pairText(language, value, japanese);
    }
  }
  return values;
}

/** A finding's message (or `hint`) in `language`, from its message id and arguments; the texts it carries when the catalogue has none. */
export function findingText(language: Language, finding: FindingText, part: "message" | "hint" = "message"): string {
  const id = finding.message_id || (finding.args ? finding.code : "");
  const values = findingValues(language, finding.args ?? {});
  const english = part === "hint" ? (finding.hint ?? "") : finding.message;
  if (part === "hint" && english === "") return "";
  const rendered = id ? format(language, id, values, part === "hint" ? "hint" : undefined) : undefined;
  if (rendered === undefined) return language === "ja" ? (part === "hint" ? (finding.hint_ja ?? "") : finding.message_ja) : english;
  return part === "message" && finding.file
    ? (format(language, "finding-in-file", { file: finding.file, message: rendered }) ?? rendered)
    : rendered;
}
