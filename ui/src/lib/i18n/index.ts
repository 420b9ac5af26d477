// Translation: t(language, key, values) with {name} placeholders, English as the fallback.
import type { Language } from "../generated/bindings";
import { en, type MessageKey } from "./en";
import { ja } from "./ja";

export type { MessageKey };

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ja };

export function t(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = dictionaries[language][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The message for an error code from the backend, or the generic one with its message. */
export function errorText(language: Language, code: string, message: string): string {
  const key = `error.${code}` as MessageKey;
  // `n`: the number the message carries (the tries left of a wrong PIN).
  const n = /\d+/.exec(message)?.[0] ?? "?";
  return key in en ? t(language, key, { message, n }) : t(language, "error.unknown", { message });
}
