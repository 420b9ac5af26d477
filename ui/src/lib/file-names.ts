// desktop-io: the names the native save dialogs start with, e.g.
// `zairyu-draft-extension-of-stay-2026-12-01.zairyu`: what it is, which procedure or
// reference, and the day (local time), in characters every file system takes.

/** Today's date as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Keeps letters, digits and `-`; anything else becomes `-`. */
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

export const draftFileName = (procedure: string, now?: Date) => `zairyu-draft-${safe(procedure)}-${today(now)}.zairyu`;
export const receiptFileName = (reference: string) => `zairyu-receipt-${safe(reference)}.txt`;
export const filedCopyFileName = (reference: string, now?: Date) => `zairyu-application-${safe(reference)}-${today(now)}.pdf`;
export const supportReportFileName = (now?: Date) => `zairyu-support-report-${today(now)}.zip`;
