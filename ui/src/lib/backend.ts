// The UI's one door to the Rust side. Only this module imports @tauri-apps (an ESLint rule
// enforces it); components call `backend()` and never `invoke` directly, so tests and other
// transports (an HTTP backend for browser tests) can stand in with `useBackend`.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  ChecklistItem,
  ChecklistItemId,
  CommandError,
  Commands,
  Language,
  Notice,
  Settings,
} from "./generated/bindings";

/** Everything the UI can ask of the application layer. */
export interface Backend {
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  setLanguage(language: Language): Promise<Settings>;
  getChecklist(): Promise<ChecklistItem[]>;
  setChecklistItem(id: ChecklistItemId, done: boolean): Promise<ChecklistItem[]>;
  /** What the user should be told once (e.g. a damaged file was set aside). */
  takeNotices(): Promise<Notice[]>;
}

/** An error from the backend, with the stable code the UI translates. */
export class BackendError extends Error {
  readonly code: string;
  constructor(body: CommandError) {
    super(body.message);
    this.code = body.code;
  }
}

function isCommandError(value: unknown): value is CommandError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** Calls one Tauri command with the argument and result types generated from Rust. */
async function call<K extends keyof Commands>(
  name: K,
  args: Commands[K]["args"],
): Promise<Commands[K]["result"]> {
  try {
    return await invoke<Commands[K]["result"]>(name, args);
  } catch (err) {
    if (isCommandError(err)) throw new BackendError(err);
    throw new BackendError({ code: "unknown", message: String(err) });
  }
}

export const tauriBackend: Backend = {
  appInfo: () => call("app_info", {}),
  getSettings: () => call("get_settings", {}),
  setLanguage: (language) => call("set_language", { language }),
  getChecklist: () => call("get_checklist", {}),
  setChecklistItem: (id, done) => call("set_checklist_item", { id, done }),
  takeNotices: () => call("take_notices", {}),
};

let current: Backend = tauriBackend;

/** The backend components use. */
export function backend(): Backend {
  return current;
}

/** Replaces the backend (tests, browser builds). */
export function useBackend(next: Backend): void {
  current = next;
}
