// The UI's one door to the Rust side. Only this module imports @tauri-apps (an ESLint rule
// enforces it); components call `backend()` and never `invoke` directly, so tests and other
// transports (an HTTP backend for browser tests) can stand in with `useBackend`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  AppInfo,
  Application,
  Attention,
  StatusChange,
  BasicFour,
  CardPanelState,
  CardStatus,
  DemoMail,
  Diagnosis,
  QueuedSubmission,
  Receipt,
  Registration,
  SessionState,
  SubmitOutcome,
  UsageInfo,
  ChecklistItem,
  ChecklistItemId,
  CommandError,
  Commands,
  DraftState,
  DraftSummary,
  Language,
  Notice,
  PostalAddress,
  Procedure,
  Schema,
  Settings,
  Terms,
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
  /** Procedures matching all keywords; `synonyms` widens each keyword. */
  listProcedures(search: string, synonyms: boolean): Promise<Procedure[]>;
  getTerms(): Promise<Terms>;
  getSchema(procedure: string): Promise<Schema>;
  lookupPostal(code: string): Promise<PostalAddress[]>;
  listDrafts(): Promise<DraftSummary[]>;
  createDraft(procedure: string): Promise<DraftState>;
  getDraft(id: string): Promise<DraftState>;
  /** Sets one field from what was typed; the draft is saved at once. */
  setDraftField(id: string, path: string, value: string): Promise<DraftState>;
  attachFile(id: string, slot: string, name: string, bytes: Uint8Array): Promise<DraftState>;
  detachFile(id: string, slot: string): Promise<DraftState>;
  undoDraft(id: string): Promise<DraftState>;
  /** Writes the draft and its files to one bundle; returns the file's path. */
  exportDraft(id: string): Promise<string>;
  importDraft(bytes: Uint8Array): Promise<DraftState>;
  setDraftAside(id: string): Promise<null>;
  /** Readers, cards on them and the practice card (demo profile). */
  cardPanel(): Promise<CardPanelState>;
  insertPracticeCard(): Promise<CardPanelState>;
  removePracticeCard(): Promise<CardPanelState>;
  /** Tries left on the card's PINs; spends none. */
  cardStatus(reader: string | null): Promise<CardStatus>;
  readBasicFour(reader: string | null, pin: string, lastTry: boolean): Promise<BasicFour>;
  /** A remote server (https://…), or null for the bundled one. */
  setServer(url: string | null): Promise<Settings>;
  diagnosis(): Promise<Diagnosis>;
  session(): Promise<SessionState>;
  register(email: string, emailAgain: string): Promise<null>;
  confirmEmail(code: string): Promise<string>;
  completeRegistration(registration: Registration): Promise<string>;
  forgotUserId(email: string): Promise<null>;
  signIn(userId: string, password: string): Promise<SessionState>;
  signOut(): Promise<SessionState>;
  applyForUsage(reader: string | null, pin: string, lastTry: boolean, info: UsageInfo): Promise<SessionState>;
  /** Signs the draft with the card and sends it (or queues it when offline). */
  submitDraft(id: string, reader: string | null, pin: string, lastTry: boolean, resubmitOf: number | null): Promise<SubmitOutcome>;
  sendQueued(): Promise<SubmitOutcome[]>;
  queuedSubmissions(): Promise<QueuedSubmission[]>;
  receipts(): Promise<Receipt[]>;
  listApplications(): Promise<Application[]>;
  /** The bundled server's e-mails (demo profile only). */
  demoMailbox(): Promise<DemoMail[]>;
  /** Said once when the first screen shows real data (start-up timing). */
  uiReady(): Promise<null>;
  /** The one-click fix of an attached file (photo: upright, 3:4, smaller; PDF: unlocked). */
  fixDraftFile(id: string, slot: string): Promise<DraftState>;
  /** The attached photo as a data: address, for the preview. */
  draftPhoto(id: string): Promise<string | null>;
  /** Reads the basic four from the card (card-info PIN) into the fields that take them. */
  fillDraftFromCard(id: string, reader: string | null, pin: string, lastTry: boolean): Promise<DraftState>;
  /** A new draft from a submitted one (within two years). */
  reuseDraft(id: string): Promise<DraftState>;
  changePassword(current: string, next: string): Promise<null>;
  forgotPassword(userId: string, email: string): Promise<null>;
  resetPassword(code: string, password: string): Promise<null>;
  changeProfile(postalCode: string, address: string, telephone: string): Promise<null>;
  /** My page: a new e-mail address (twice); a code goes to the new address. */
  changeEmail(email: string, emailAgain: string): Promise<null>;
  /** The code (or link) from that e-mail; answers the address now on the account. */
  confirmEmailChange(code: string): Promise<string>;
  /** The procedure ids marked as favorites (signed in). */
  favorites(): Promise<string[]>;
  setFavorite(procedure: string, on: boolean): Promise<string[]>;
  /** The card reader to use when several are connected (null: the first with a card). */
  setReader(reader: string | null): Promise<Settings>;
  /** What needs action first: returned applications, a period of stay ending, the outbox. */
  attention(): Promise<Attention>;
  /** Calls `handler` when the app notices status changes in the background; answers a stop function. */
  onStatusChanged(handler: (changes: StatusChange[]) => void): Promise<() => void>;
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

type RawCommand = "attach_file" | "import_draft";

/** How commands reach the app layer: Tauri's IPC, or HTTP (`zairyu ui-serve`). */
export interface Transport {
  call<K extends keyof Commands>(name: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]>;
  /** A command whose body is raw bytes (files), with its other arguments as headers. */
  callRaw<K extends RawCommand>(name: K, bytes: Uint8Array, headers: Record<string, string>): Promise<Commands[K]["result"]>;
  /** Events the app sends on its own (Tauri only); answers a stop function. */
  listen?(event: string, handler: (payload: unknown) => void): Promise<() => void>;
}

function toBackendError(err: unknown): BackendError {
  if (isCommandError(err)) return new BackendError(err);
  return new BackendError({ code: "unknown", message: String(err) });
}

/** Tauri's IPC, with the argument and result types generated from Rust. */
export const tauriTransport: Transport = {
  async call(name, args) {
    try {
      return await invoke(name, args);
    } catch (err) {
      throw toBackendError(err);
    }
  },
  async callRaw(name, bytes, headers) {
    try {
      return await invoke(name, bytes, { headers });
    } catch (err) {
      throw toBackendError(err);
    }
  },
  listen: (event, handler) => listen(event, (e) => handler(e.payload)),
};

/** The same commands over HTTP: `POST {base}/invoke/<command>` (browser tests, demos). */
export function httpTransport(base: string): Transport {
  const post = async (name: string, body: BodyInit, headers: Record<string, string>) => {
    let response: Response;
    try {
      response = await fetch(`${base}/invoke/${name}`, { method: "POST", body, headers });
    } catch (err) {
      throw new BackendError({ code: "server_unreachable", message: String(err) });
    }
    const value: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toBackendError(value);
    return value;
  };
  return {
    call: async (name, args) => (await post(name, JSON.stringify(args), { "content-type": "application/json" })) as never,
    callRaw: async (name, bytes, headers) =>
      (await post(name, new Blob([bytes as BlobPart]), { ...headers, "content-type": "application/octet-stream" })) as never,
  };
}

/** Every backend method as one command of a transport. */
export function backendOver(t: Transport): Backend {
  const call = t.call.bind(t) as Transport["call"];
  const callRaw = (name: RawCommand, bytes: Uint8Array, headers: Record<string, string> = {}) => t.callRaw(name, bytes, headers);
  return {
  appInfo: () => call("app_info", {}),
  getSettings: () => call("get_settings", {}),
  setLanguage: (language) => call("set_language", { language }),
  getChecklist: () => call("get_checklist", {}),
  setChecklistItem: (id, done) => call("set_checklist_item", { id, done }),
  takeNotices: () => call("take_notices", {}),
  listProcedures: (search, synonyms) => call("list_procedures", { search, synonyms }),
  getTerms: () => call("get_terms", {}),
  getSchema: (procedure) => call("get_schema", { procedure }),
  lookupPostal: (code) => call("lookup_postal", { code }),
  listDrafts: () => call("list_drafts", {}),
  createDraft: (procedure) => call("create_draft", { procedure }),
  getDraft: (id) => call("get_draft", { id }),
  setDraftField: (id, path, value) => call("set_draft_field", { id, path, value }),
  attachFile: (id, slot, name, bytes) =>
    callRaw("attach_file", bytes, {
      "x-draft-id": encodeURIComponent(id),
      "x-slot": encodeURIComponent(slot),
      "x-file-name": encodeURIComponent(name),
    }),
  detachFile: (id, slot) => call("detach_file", { id, slot }),
  undoDraft: (id) => call("undo_draft", { id }),
  exportDraft: (id) => call("export_draft", { id }),
  importDraft: (bytes) => callRaw("import_draft", bytes),
  setDraftAside: (id) => call("set_draft_aside", { id }),
  cardPanel: () => call("card_panel", {}),
  insertPracticeCard: () => call("insert_practice_card", {}),
  removePracticeCard: () => call("remove_practice_card", {}),
  cardStatus: (reader) => call("card_status", { reader }),
  readBasicFour: (reader, pin, lastTry) => call("read_basic_four", { reader, pin, lastTry }),
  setServer: (url) => call("set_server", { url }),
  diagnosis: () => call("diagnosis", {}),
  session: () => call("session", {}),
  register: (email, emailAgain) => call("register", { email, emailAgain }),
  confirmEmail: (code) => call("confirm_email", { code }),
  completeRegistration: (registration) => call("complete_registration", { registration }),
  forgotUserId: (email) => call("forgot_user_id", { email }),
  signIn: (userId, password) => call("sign_in", { userId, password }),
  signOut: () => call("sign_out", {}),
  applyForUsage: (reader, pin, lastTry, info) => call("apply_for_usage", { reader, pin, lastTry, info }),
  submitDraft: (id, reader, pin, lastTry, resubmitOf) => call("submit_draft", { id, reader, pin, lastTry, resubmitOf }),
  sendQueued: () => call("send_queued", {}),
  queuedSubmissions: () => call("queued_submissions", {}),
  receipts: () => call("receipts", {}),
  listApplications: () => call("list_applications", {}),
  demoMailbox: () => call("demo_mailbox", {}),
  uiReady: () => call("ui_ready", {}),
  fixDraftFile: (id, slot) => call("fix_draft_file", { id, slot }),
  draftPhoto: (id) => call("draft_photo", { id }),
  fillDraftFromCard: (id, reader, pin, lastTry) => call("fill_draft_from_card", { id, reader, pin, lastTry }),
  reuseDraft: (id) => call("reuse_draft", { id }),
  changePassword: (current, next) => call("change_password", { current, new: next }),
  forgotPassword: (userId, email) => call("forgot_password", { userId, email }),
  resetPassword: (code, password) => call("reset_password", { code, password }),
  changeProfile: (postalCode, address, telephone) => call("change_profile", { postalCode, address, telephone }),
  changeEmail: (email, emailAgain) => call("change_email", { email, emailAgain }),
  confirmEmailChange: (code) => call("confirm_email_change", { code }),
  favorites: () => call("favorites", {}),
  setFavorite: (procedure, on) => call("set_favorite", { procedure, on }),
  setReader: (reader) => call("set_reader", { reader }),
  attention: () => call("attention", {}),
  onStatusChanged: async (handler) =>
    t.listen ? t.listen("status-changed", (payload) => handler(payload as StatusChange[])) : () => undefined,
};
}

export const tauriBackend: Backend = backendOver(tauriTransport);

let current: Backend = tauriBackend;

/** The backend components use. */
export function backend(): Backend {
  return current;
}

/** Replaces the backend (tests, browser builds). */
export function useBackend(next: Backend): void {
  current = next;
}
