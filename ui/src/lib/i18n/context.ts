// The interface language as a Svelte context: the app shell sets it once with a getter over its
// own state, and every component below reads it with useLanguage(). Reading `language` or calling
// `t` inside markup or $derived reads the shell's state, so a language switch updates every
// screen at once, with no `language` prop handed from component to component.
import { getContext, hasContext, setContext } from "svelte";
import type { Language } from "../generated/bindings";
import { errorText, findingText, formText, intlLocale, t, type FindingText, type MessageKey } from "./index";

export interface LanguageContext {
  /** The language the interface speaks now. */
  readonly language: Language;
  /** The text for `key` in the current language, placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The message for an error code from the backend, in the current language. */
  errorText(code: string, message: string): string;
  /**
   * Of a pair of texts from the data (names, hints), the one in the current language: the
   * Japanese one in Japanese, the English one in every other language (the data has only these two).
   */
  pick<T>(english: T, japanese: T): T;
  /**
   * An official term of the agency's forms (a label, a title): the English one in English, the
   * Japanese one in Japanese, and in any other language both, so the Japanese term the forms
   * print stays visible.
   */
  term(english: string, japanese: string): string;
  /**
   * A label of the procedure's form (`parts`: section id, field id, column id, choice value; none
   * for the form's title) in the current language: the schema's English or Japanese text, or the
   * translation of locales/<language>/forms.ftl (the form shows the official Japanese term beside
   * it). `attribute` "hint": the field's hint.
   */
  formText(procedure: string, parts: string[], english: string, japanese: string, attribute?: "hint"): string;
  /**
   * Whether the interface speaks a language the agency's forms do not use (not English or
   * Japanese): the form then shows each translated label with the official Japanese term beside it.
   */
  readonly translatesForms: boolean;
  /** As `formText`, in a language the agency's forms do not use followed by the official Japanese term in brackets (one string). */
  formTerm(procedure: string, parts: string[], english: string, japanese: string): string;
  /** A finding's message (or hint) in the current language, from its code and arguments. */
  finding(finding: FindingText, part?: "message" | "hint"): string;
  /** The locale dates and numbers are formatted with (Intl). */
  readonly locale: string;
  /** A date and time in the current language's format. */
  dateTime(when: Date): string;
}

const key = Symbol("language");

function contextOver(current: () => Language): LanguageContext {
  return {
    get language() {
      return current();
    },
    t: (messageKey, values) => t(current(), messageKey, values),
    errorText: (code, message) => errorText(current(), code, message),
    pick: (english, japanese) => (current() === "ja" ? japanese : english),
    term: (english, japanese) => {
      const language = current();
      if (language === "ja") return japanese;
      return language === "en" || english === japanese ? english : `${english}（${japanese}）`;
    },
    formText: (procedure, parts, english, japanese, attribute) =>
      formText(current(), procedure, parts, english, japanese, attribute),
    formTerm: (procedure, parts, english, japanese) => {
      const language = current();
      const text = formText(language, procedure, parts, english, japanese);
      return language === "en" || language === "ja" || japanese === "" || text === japanese ? text : `${text}（${japanese}）`;
    },
    get translatesForms() {
      const language = current();
      return language !== "en" && language !== "ja";
    },
    finding: (finding, part) => findingText(current(), finding, part),
    get locale() {
      return intlLocale[current()];
    },
    dateTime: (when) => when.toLocaleString(intlLocale[current()]),
  };
}

/** Called once by the app shell while it initialises; `current` reads its language state. */
export function setLanguageContext(current: () => Language): LanguageContext {
  return setContext(key, contextOver(current));
}

/**
 * The language context of the app shell. A component rendered on its own (a test without the
 * shell) gets English.
 */
export function useLanguage(): LanguageContext {
  return hasContext(key) ? getContext<LanguageContext>(key) : contextOver(() => "en");
}
