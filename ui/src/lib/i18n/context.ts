// The interface language as a Svelte context: the app shell sets it once with a getter over its
// own state, and every component below reads it with useLanguage(). Reading `language` or calling
// `t` inside markup or $derived reads the shell's state, so a language switch updates every
// screen at once, with no `language` prop handed from component to component.
import { getContext, hasContext, setContext } from "svelte";
import type { Language } from "../generated/bindings";
import { errorText, t, type MessageKey } from "./index";

export interface LanguageContext {
  /** The language the interface speaks now. */
  readonly language: Language;
  /** The text for `key` in the current language, placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The message for an error code from the backend, in the current language. */
  errorText(code: string, message: string): string;
  /** Of a pair of texts from the data (names, hints, findings), the one in the current language. */
  pick<T>(english: T, japanese: T): T;
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
