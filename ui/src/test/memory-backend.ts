// An in-memory backend for the UI tests: the same interface as the Tauri one (`Backend`, whose
// methods are generated from the Rust command table, so a command missing here fails
// `npm run check`), with a small form (postal code → address, a choice that shows another
// field) so the screens can be driven without the Rust side. It records every call so tests
// can assert what was saved.
import { BackendError, type Backend, type NativeFiles } from "../lib/backend";
import type {
  Application,
  Attention,
  BoardRow,
  LinkedStudent,
  StatusChange,
  ChecklistItem,
  DraftFinding,
  DraftState,
  FieldState,
  Language,
  LocalData,
  Procedure,
  Schema,
  StatusEntry,
  UploadProgress,
  CommandError,
} from "../lib/generated/bindings";

const procedure = (id: string, name_en: string, name_ja: string, has_form: boolean): Procedure => ({
  id,
  name_en,
  name_ja,
  reception_start: "2025-10-23T00:00",
  explanation_en: `About ${name_en}`,
  explanation_ja: `${name_ja}の説明`,
  keywords: [],
  has_form,
  screen: id === "usage-application" ? "usage_application" : "draft",
});

export const procedures: Procedure[] = [
  procedure("usage-application", "Usage Application (For Foreign Nationals Who Wish to Begin Applying for Status of Residence)", "利用申請（在留申請を始める外国人の方）", true),
  procedure("extension-of-stay", "Application for extension of period of stay", "在留期間更新許可申請", true),
  procedure("institution-notification", "Notification relating to the institution", "所属機関等に関する届出", false),
];

/** The usage application's form (manual 3.2 step 15), as `schemas/usage-application.toml`. */
export const usageSchema: Schema = {
  procedure: "usage-application",
  version: 1,
  title_en: "Usage application: user information",
  title_ja: "利用申請：利用者情報",
  sections: [
    {
      id: "user",
      title_en: "User information",
      title_ja: "利用者情報",
      fields: [
        { id: "name_en", label_en: "Name (English, as on the residence card)", label_ja: "氏名（英字）", kind: "english_name", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false },
        { id: "sex", label_en: "Sex", label_ja: "性別", kind: "choice", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false, prefill: "card.sex" },
        { id: "postal_code", label_en: "Postal code", label_ja: "郵便番号", kind: "postal_code", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false },
        { id: "address", label_en: "Address in Japan", label_ja: "住居地", kind: "text", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false, prefill: "card.address" },
        { id: "telephone", label_en: "Telephone number", label_ja: "電話番号", kind: "telephone", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false },
        { id: "residence_card_number", label_en: "Residence card number", label_ja: "在留カード番号", kind: "residence_card_number", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: true },
      ],
    },
  ],
  rules: [],
};

export const schema: Schema = {
  procedure: "extension-of-stay",
  version: 2,
  title_en: "Application for extension of period of stay (Student)",
  title_ja: "在留期間更新許可申請（留学）",
  rules: [],
  sections: [
    {
      id: "applicant",
      title_en: "Applicant",
      title_ja: "申請人",
      fields: [
        { id: "postal_code", label_en: "8 Postal code", label_ja: "8 郵便番号", kind: "postal_code", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false },
        { id: "address", label_en: "8 Address in Japan", label_ja: "8 住居地", kind: "text", required: true, width: "any", choices: [], columns: [], recheck_on_reuse: false, prefill: "card.address" },
      ],
    },
    {
      id: "work",
      title_en: "23 Part-time work",
      title_ja: "23 資格外活動の有無",
      fields: [
        {
          id: "part_time", label_en: "23 Do you work part-time?", label_ja: "23 資格外活動の有無", kind: "choice", required: true, width: "any",
          choices: [{ value: "yes", label_en: "Yes", label_ja: "有" }, { value: "no", label_en: "No", label_ja: "無" }],
          columns: [], recheck_on_reuse: false,
        },
        {
          id: "weekly_hours", label_en: "23 Hours per week", label_ja: "23 週間の稼働時間", kind: "integer", required: true, width: "any",
          shown_when: { equals: { field: "work.part_time", value: "yes" } }, choices: [], columns: [], recheck_on_reuse: false,
        },
      ],
    },
    {
      id: "receipt",
      title_en: "Method of receipt",
      title_ja: "受領方法",
      fields: [
        {
          id: "office", label_en: "Regional office", label_ja: "受領官署", kind: "choice", required: false, width: "any",
          choices: [
            { value: "fukuoka", label_en: "Fukuoka Regional Immigration Services Bureau", label_ja: "福岡出入国在留管理局", group_en: "Fukuoka Regional Immigration Services Bureau", group_ja: "福岡出入国在留管理局" },
            { value: "fukuoka-oita", label_en: "Oita District Office of the Fukuoka Regional Immigration Services Bureau", label_ja: "福岡出入国在留管理局 大分出張所", group_en: "Fukuoka Regional Immigration Services Bureau", group_ja: "福岡出入国在留管理局" },
            { value: "sapporo", label_en: "Sapporo Regional Immigration Services Bureau", label_ja: "札幌出入国在留管理局", group_en: "Sapporo Regional Immigration Services Bureau", group_ja: "札幌出入国在留管理局" },
          ],
          columns: [], recheck_on_reuse: false,
        },
      ],
    },
    {
      id: "attachments",
      title_en: "Attachments",
      title_ja: "添付書類",
      fields: [
        {
          id: "proof_of_funds", label_en: "7 Proof of funds", label_ja: "7 経費支弁能力を証する文書", kind: "attachment", required: false, width: "any",
          hint_en: "One of the following. If you cover tuition and living expenses yourself: a copy of the digital bankbook showing deposits for the past year, or a copy of salary statements. If someone else (a sponsor) covers them: a remittance certificate, or a copy of the digital bankbook showing receipt of remittances.",
          hint_ja: "次のいずれか。本人が支弁する場合：過去1年間の入金が分かる預金通帳の写し、または給与明細の写し。本人以外が支弁する場合：送金証明書、または送金の受領が分かる預金通帳の写し。",
          document: "proof_of_funds", choices: [], columns: [], recheck_on_reuse: true,
        },
      ],
    },
  ],
};

/**
 * `nativeFiles`: answer the native dialogs as the desktop does (a save dialog accepts its
 * default name under /home/lan/Documents; an open dialog picks `openAnswer`).
 */
export function memoryBackend(options: { nativeFiles?: boolean } = {}) {
  const ids = ["my_number_card", "card_pins", "residence_card", "passport", "pc", "card_reader", "documents_pdf"] as const;
  const state = {
    language: "en" as Language,
    items: ids.map((id) => ({ id, done: false })) as ChecklistItem[],
    form: {} as Record<string, Record<string, unknown>>,
    revision: 1,
    created: false,
    /** Set by a test: the draft was filed under this reference number. */
    submitted: null as { at: string; reference_number: string } | null,
    /** The attached files, each slot's in order, as the app keeps them (pages: null for the photo). */
    attachments: [] as { slot: string; file: string; sha256: string; bytes: number; pages: number | null }[],
    /** Earlier versions of the files, for undo. */
    undo: [] as { slot: string; file: string; sha256: string; bytes: number; pages: number | null }[][],
  };
  const calls: string[] = [];
  const pending: { code: "file_recovered"; kept_as: string }[] = [];

  /** A change of the files: the old list is kept for undo, the slot's form value follows. */
  const commit = (next: typeof state.attachments) => {
    state.undo.push(state.attachments);
    state.attachments = next;
    state.revision += 1;
  };
  const value = (path: string) => {
    const [s, f] = path.split(".");
    return state.form[s]?.[f];
  };
  const draftState = (): DraftState => {
    const fields: FieldState[] = [];
    const findings: DraftFinding[] = [];
    for (const section of schema.sections) {
      for (const field of section.fields) {
        const path = `${section.id}.${field.id}`;
        const cond = field.shown_when;
        const shown = !cond || !("equals" in cond) || value(cond.equals.field) === cond.equals.value;
        fields.push({ path, shown, required: shown && field.required });
        if (shown && field.required && (value(path) === undefined || value(path) === "")) {
          findings.push({ code: "required", path, severity: "error", message: `${field.label_en}: required; enter it.`, message_ja: `${field.label_ja}：必須項目です。入力してください。`, hint: "", hint_ja: "", fixable: false, message_id: "form-required", args: { label_en: field.label_en, label_ja: field.label_ja }, file: null });
        }
      }
    }
    return {
      id: "d1",
      meta: {
        format: 2, id: "d1", procedure: "extension-of-stay", schema_version: 2, created_at: "2026-11-24T10:00:00Z",
        updated_at: "2026-11-24T10:00:00Z", revision: state.revision, form: state.form,
        attachments: state.attachments.map(({ slot, file, sha256, bytes }) => ({ slot, file, sha256, bytes })), recheck: [],
        submitted: state.submitted, reused_from: null,
      },
      fields,
      report: {
        procedure: "extension-of-stay", ok: findings.length === 0, findings, recheck: [],
        files: state.attachments.map(({ slot, file, bytes, pages }) => ({ slot, file, name: file.split("/").pop() ?? file, bytes, pages })),
        max_files: 20, max_total_bytes: 25_000_000,
      },
      can_undo: state.revision > 1,
    };
  };

  /** A practice card whose PIN is 1234 and whose tries count down as the real card's do. */
  const card = { inserted: false, auth: 3, text: 3 };
  const account: {
    signedIn: string | null; usage: boolean; email: string; favorites: string[]; pendingEmail?: string;
    postal_code?: string; address?: string; telephone: string; userType: string;
  } = {
    telephone: "09012345678",
    userType: "foreign_national",
    signedIn: null,
    usage: false,
    email: "lan@example.jp",
    favorites: [],
  };
  const settings: { reader: string | null } = { reader: null };
  /** counter-app: counter-PC mode and the visit (tests flip and fill them). */
  const counter = {
    on: false,
    idleMinutes: 10,
    open: false,
    startedAt: null as number | null,
    /** Files "in the visit folder". */
    files: 0,
    /** Signed applications of the visit not sent yet. */
    unsent: 0,
    /** Proxy filing: whom the visit files for. */
    applicant: null as { user_id: string; name_en: string } | null,
    webStorageCleared: 0,
    /** Unsent applications of a visit left open when the app stopped, and how many of them the signed-in account signed. */
    leftover: 0,
    leftoverSendable: 0,
  };
  const settingsNow = () => ({
    language: state.language,
    server_url: null,
    reader: settings.reader,
    counter_pc: counter.on,
    visit_idle_minutes: counter.idleMinutes,
  });
  /** counter-app: the advisor's board "on the server", most urgent first (tests fill it). */
  const board: BoardRow[] = [];
  const visitState = () => ({
    counter_pc: counter.on,
    open: counter.open,
    started_at: counter.startedAt,
    idle_minutes: counter.idleMinutes,
    staff_user: account.signedIn,
    applicant: counter.open ? counter.applicant : null,
    leftover_unsent: counter.leftover,
  });
  /** counter-app: the students linked to the staff member's organisation (tests fill it). */
  const students: LinkedStudent[] = [];
  /** What stays "on this computer" after sign-out (tests fill it). */
  const local: LocalData = { drafts: 0, receipts: 0, queued_submissions: 0 };
  /** What the home screen's "needs attention" panel is fed (tests change it). */
  const attention: Attention = { applications: [], revision_requests: [], stay_ending: [], card_expiring: [], queued: 0, statuses_unknown: false };
  const statusHandlers: ((changes: StatusChange[]) => void)[] = [];
  // desktop-io: upload progress listeners and the native dialogs.
  const uploadHandlers: ((progress: UploadProgress) => void)[] = [];
  /** conventions: the profile and the machine-wide server preset (tests change them). */
  const info: { profile: "demo" | "production"; server_preset: { url: string | null; locked: boolean } } = {
    profile: "demo",
    server_preset: { url: null, locked: false },
  };
  // support: the error screen's listeners.
  const panicHandlers: ((error: CommandError) => void)[] = [];
  const dialogs = { openAnswer: [] as string[], revealed: [] as string[], saveNames: [] as string[], browsed: [] as string[] };
  const native: NativeFiles = {
    savePath: async (defaultName) => {
      dialogs.saveNames.push(defaultName);
      return `/home/lan/Documents/${defaultName}`;
    },
    openPaths: async () => [...dialogs.openAnswer],
    showInFolder: async (path) => {
      dialogs.revealed.push(path);
    },
  };
  /** The applications "on the server" (tests fill it). */
  const sent: Application[] = [];
  const panel = () => ({
    pcsc_available: true,
    readers: card.inserted ? [{ name: "Zairyu practice card", card_present: true }] : [],
    practice_card: card.inserted,
    practice_allowed: true,
    preferred_reader: settings.reader,
    active_reader: card.inserted ? "Zairyu practice card" : null,
  });
  const verify = (kind: "auth" | "text", pin: string, lastTry: boolean) => {
    calls.push(`pin:${kind}`);
    if (card[kind] === 0) throw new BackendError({ code: "pin_blocked", message: "blocked" });
    if (card[kind] === 1 && !lastTry) throw new BackendError({ code: "pin_last_try_refused", message: "last try" });
    if (pin !== "1234") {
      card[kind] -= 1;
      throw new BackendError({ code: "pin_wrong", message: `wrong PIN, ${card[kind]} left` });
    }
    card[kind] = 3;
  };
  const sessionState = () => ({
    server: "http://127.0.0.1:1",
    account: account.signedIn
      ? {
          user_id: account.signedIn, email: account.email, user_type: account.userType, name_en: "NGUYEN THI LAN", telephone: account.telephone,
          usage_application_done: account.usage, postal_code: account.postal_code, address: account.address,
        }
      : null,
    kept_in_keychain: true,
  });

  const api: Backend = {
    appInfo: async () => ({ profile: info.profile, version: "0.1.0", data_dir: "/tmp/zairyu", server_preset: { ...info.server_preset } }),
    getSettings: async () => settingsNow(),
    setLanguage: async (language) => {
      calls.push(`language:${language}`);
      state.language = language;
      return settingsNow();
    },
    getChecklist: async () => state.items,
    setChecklistItem: async (id, done) => {
      calls.push(`${id}:${done}`);
      state.items = state.items.map((item) => (item.id === id ? { ...item, done } : item));
      return state.items;
    },
    takeNotices: async () => pending.splice(0),
    listProcedures: async (search, synonyms) => {
      calls.push(`search:${search}:${synonyms}`);
      return procedures.filter((p) => search.split(/\s+/).every((w) => (p.name_en + p.name_ja).toLowerCase().includes(w.toLowerCase())));
    },
    getTerms: async () => ({ ja: "利用規約（要旨）", en: "Terms of use (summary)" }),
    getSchema: async (p) => (p === "usage-application" ? usageSchema : schema),
    lookupPostal: async (code) =>
      code === "8748577"
        ? [{ postal_code: code, prefecture: "大分県", city: "別府市", town: "十文字原", address: "大分県別府市十文字原" }]
        : [],
    listDrafts: async () =>
      state.created
        ? [{ id: "d1", procedure: "extension-of-stay", title_en: schema.title_en, title_ja: schema.title_ja, updated_at: "2026-11-24T10:00:00Z", errors: draftState().report.findings.length, submitted: state.submitted !== null, stay_expires_on: null }]
        : [],
    createDraft: async (p) => {
      calls.push(`create:${p}`);
      state.created = true;
      return draftState();
    },
    getDraft: async () => draftState(),
    setDraftField: async (_id, path, raw) => {
      calls.push(`set:${path}=${raw}`);
      const [s, f] = path.split(".");
      state.form = { ...state.form, [s]: { ...state.form[s], [f]: path.endsWith("postal_code") ? raw.replace("-", "") : raw } };
      state.revision += 1;
      return draftState();
    },
    attachFile: async (_id, slot, name) => {
      calls.push(`attach:${slot}:${name}`);
      return draftState();
    },
    detachFile: async () => draftState(),
    addSlotFile: async (_id, slot, name, bytes) => {
      calls.push(`add-file:${slot}:${name}`);
      const total = state.attachments.reduce((n, a) => n + a.bytes, 0) + bytes.length;
      if (state.attachments.length + 1 > 20) throw new BackendError({ code: "attachments_too_many", message: "at most 20 files" });
      if (total > 25_000_000) throw new BackendError({ code: "attachments_too_large", message: "over 25,000,000 bytes" });
      let file = `attachments/${name}`;
      for (let n = 2; state.attachments.some((a) => a.file === file); n++) file = `attachments/${name.replace(/(\.[^.]*)?$/, `-${n}$1`)}`;
      // Each test PDF counts as one page.
      commit([...state.attachments, { slot, file, sha256: `sha-${file}`, bytes: bytes.length, pages: 1 }]);
      return draftState();
    },
    removeSlotFile: async (_id, slot, file) => {
      calls.push(`remove-file:${slot}:${file}`);
      commit(state.attachments.filter((a) => !(a.slot === slot && a.file === file)));
      return draftState();
    },
    moveSlotFile: async (_id, slot, file, up) => {
      calls.push(`move-file:${slot}:${file}:${up ? "up" : "down"}`);
      const list = [...state.attachments];
      const mine = list.map((a, i) => (a.slot === slot ? i : -1)).filter((i) => i >= 0);
      const at = mine.findIndex((i) => list[i].file === file);
      const other = mine[up ? at - 1 : at + 1];
      if (other !== undefined) {
        [list[mine[at]], list[other]] = [list[other], list[mine[at]]];
        commit(list);
      }
      return draftState();
    },
    mergeSlotPdfs: async (_id, slot) => {
      calls.push(`merge:${slot}`);
      const mine = state.attachments.filter((a) => a.slot === slot);
      const bytes = mine.reduce((n, a) => n + a.bytes, 0);
      const pages = mine.reduce((n, a) => n + (a.pages ?? 0), 0);
      const merged = { ...mine[0], sha256: "merged", bytes: bytes - 100, pages };
      commit([...state.attachments.filter((a) => a.slot !== slot), merged]);
      return { draft: draftState(), bytes_before: bytes, bytes_after: merged.bytes, pages_before: pages, pages_after: pages };
    },
    shrinkDraftPdf: async (_id, slot, file) => {
      calls.push(`shrink:${slot}:${file}`);
      const old = state.attachments.find((a) => a.slot === slot && a.file === file);
      if (!old) throw new BackendError({ code: "nothing_attached", message: "nothing attached" });
      const next = { ...old, bytes: Math.floor(old.bytes / 2) };
      commit(state.attachments.map((a) => (a === old ? next : a)));
      return { draft: draftState(), bytes_before: old.bytes, bytes_after: next.bytes, pages_before: old.pages ?? 0, pages_after: next.pages ?? 0 };
    },
    undoDraft: async () => {
      calls.push("undo");
      const before = state.undo.pop();
      if (before) {
        state.attachments = before;
        state.revision += 1;
      }
      return draftState();
    },
    exportDraft: async () => "/tmp/zairyu/exports/d1.zairyu",
    importDraft: async () => draftState(),
    setDraftAside: async (id) => {
      calls.push(`aside:${id}`);
      state.created = false;
      return null;
    },
    cardPanel: async () => panel(),
    insertPracticeCard: async () => {
      card.inserted = true;
      return panel();
    },
    removePracticeCard: async () => {
      card.inserted = false;
      return panel();
    },
    cardStatus: async () => {
      if (!card.inserted) throw new BackendError({ code: "card_absent", message: "no card" });
      return { my_number_card: true, token: "JPKIAPICCTOKEN2", auth_pin_tries: card.auth, sign_password_tries: 5, text_pin_tries: card.text };
    },
    readBasicFour: async (_reader, pin, lastTry) => {
      verify("text", pin, lastTry);
      return { name: "NGUYEN THI LAN", address: "大分県別府市十文字原1-1", birth_date: "2003-04-15", sex: "female" };
    },
    setServer: async (url) => ({ ...settingsNow(), server_url: url }),
    diagnosis: async () => ({
      pcsc_available: true, readers: panel().readers, card: null, card_error: null, server: "http://127.0.0.1:1",
      server_reachable: true, clock_utc: "2026-11-24T10:00:00Z", queued_submissions: 0, data_dir: "/tmp/zairyu",
    }),
    session: async () => sessionState(),
    register: async (email, again, agreed) => {
      if (email !== again) throw new BackendError({ code: "email_mismatch", message: "differ" });
      if (!agreed) throw new BackendError({ code: "terms_not_agreed", message: "agree first" });
      calls.push(`register:${email}`);
      return null;
    },
    confirmEmail: async (code) => {
      calls.push(`confirm:${code}`);
      return "lan@example.jp";
    },
    completeRegistration: async (r) => {
      calls.push(`complete:${r.name_en}:${r.user_type}`);
      return "ZR12345678";
    },
    forgotUserId: async () => null,
    signIn: async (userId, password) => {
      if (password !== "Zairyu#2026ok") throw new BackendError({ code: "login_failed", message: "wrong" });
      account.signedIn = userId;
      return sessionState();
    },
    signOut: async () => {
      account.signedIn = null;
      return sessionState();
    },
    localData: async () => ({ ...local }),
    removeLocalData: async () => {
      calls.push("remove-local-data");
      Object.assign(local, { drafts: 0, receipts: 0, queued_submissions: 0 });
      return { ...local };
    },
    checkUsageInfo: async (info) => {
      const findings: DraftFinding[] = [];
      const needs = (path: string, ok: boolean, message: string) => {
        if (!ok) findings.push({ code: "required", path, severity: "error", message, message_ja: message, hint: "", hint_ja: "", fixable: false, message_id: "", args: {}, file: null });
      };
      needs("user.name_en", info.name_en.trim() !== "", "Name: required");
      needs("user.postal_code", /^[0-9]{3}-?[0-9]{4}$/.test(info.postal_code.trim()), "Postal code: 7 digits");
      needs("user.telephone", info.telephone.trim() !== "", "Telephone: required");
      return findings;
    },
    applyForUsage: async (_reader, pin, lastTry, info) => {
      verify("auth", pin, lastTry);
      calls.push(`usage:${info.residence_card_number}`);
      calls.push(`usage-contact:${info.name_en}|${info.postal_code}|${info.telephone}`);
      account.usage = true;
      return sessionState();
    },
    submitDraft: async (id, _reader, pin, lastTry) => {
      verify("auth", pin, lastTry);
      calls.push(`submit:${id}`);
      return {
        outcome: "sent",
        receipt: {
          draft_id: id, received_at: "2026-11-24T10:00:00Z",
          application: {
            id: 1, reference_number: "ZR-2026-00000001", temporary_reception_number: "東オソ認T00000001", procedure_id: "extension-of-stay",
            procedure_name_en: "Extension", procedure_name_ja: "更新", submission_id: "s1", status: "application_completed",
            revision_request: null, created_at: 0, updated_at: 0,
          },
        },
      };
    },
    sendQueued: async () => {
      calls.push("send-queued");
      counter.unsent = 0;
      counter.applicant = null;
      return [];
    },
    queuedSubmissions: async () =>
      Array.from({ length: counter.unsent }, (_, i) => ({
        submission_id: `s${i}`, draft_id: `d${i}`, procedure_id: "extension-of-stay", queued_at: "2026-01-01T00:00:00Z", belongs_to_someone_else: false,
      })),
    receipts: async () => [],
    listApplications: async () => structuredClone(sent),
    applicationDetails: async (id) => {
      const application = sent.find((a) => a.id === id);
      if (!application) throw new BackendError({ code: "not_found", message: "no such application" });
      return {
        application: structuredClone(application),
        applicant_name: "NGUYEN THI LAN",
        history: (application.status === "pending"
          ? [{ status: "pending", at: application.created_at }]
          : [
              { status: "pending", at: application.created_at },
              { status: "application_completed", at: application.created_at + 60 },
              ...(application.status === "application_completed" ? [] : [{ status: application.status, at: application.updated_at }]),
            ]) as StatusEntry[],
        versions: 1,
        form: { applicant: { postal_code: "8748577", address: "大分県別府市十文字原1-1" } },
        files: [
          { name: "photo.jpg", sha256: "aa".repeat(32), bytes: 40960, kind: "photo" },
          { name: "transcript.pdf", sha256: "bb".repeat(32), bytes: 102400, kind: "attachment" },
        ],
      };
    },
    downloadApplicationFile: async (id, sha256) => {
      calls.push(`download:${id}:${sha256.slice(0, 4)}`);
      return `/tmp/zairyu/downloads/${id}/${sha256.slice(0, 4)}`;
    },
    pastApplications: async (related, procedureName, date) => {
      calls.push(`past:${related}:${procedureName}:${date}`);
      if (date !== "" && !/^\d{8}$/.test(date)) throw new BackendError({ code: "bad_date", message: "8 digits" });
      return structuredClone(sent.filter((a) => related === "" || a.reference_number.includes(related) || a.temporary_reception_number.includes(related)));
    },
    reuseApplication: async (id) => {
      calls.push(`reuse-server:${id}`);
      state.created = true;
      return draftState();
    },
    draftForRevision: async (id) => {
      calls.push(`revise-server:${id}`);
      state.created = true;
      return draftState();
    },
    demoMailbox: async () => [],
    uiReady: async () => null,
    fixDraftFile: async (_id, slot) => {
      calls.push(`fix:${slot}`);
      return draftState();
    },
    draftPhoto: async () => null,
    fillDraftFromCard: async (_id, _reader, pin, lastTry) => {
      verify("text", pin, lastTry);
      calls.push("fill-from-card");
      return draftState();
    },
    forgotPassword: async (userId) => {
      calls.push(`forgot-password:${userId}`);
      return null;
    },
    resetPassword: async (code) => {
      calls.push(`reset:${code}`);
      return null;
    },
    changePassword: async () => {
      calls.push("password");
      return null;
    },
    changeProfile: async (postal, address, telephone) => {
      calls.push(`profile:${postal}:${address}`);
      Object.assign(account, { postal_code: postal, address, telephone });
      return null;
    },
    reuseDraft: async (id) => {
      calls.push(`reuse:${id}`);
      return draftState();
    },
    changeEmail: async (email, again, password) => {
      if (email !== again) throw new BackendError({ code: "email_mismatch", message: "differ" });
      if (!password) throw new BackendError({ code: "login_failed", message: "the current password is wrong" });
      calls.push(`change-email:${email}`);
      account.pendingEmail = email;
      return null;
    },
    confirmEmailChange: async (code) => {
      if (!account.pendingEmail || code !== "CODE1") throw new BackendError({ code: "link_invalid", message: "expired" });
      calls.push(`confirm-email:${code}`);
      account.email = account.pendingEmail;
      return account.email;
    },
    favorites: async () => {
      if (!account.signedIn) throw new BackendError({ code: "not_signed_in", message: "sign in" });
      return [...account.favorites];
    },
    setFavorite: async (procedure, on) => {
      calls.push(`favorite:${procedure}:${on}`);
      account.favorites = on ? [...new Set([...account.favorites, procedure])] : account.favorites.filter((p) => p !== procedure);
      return [...account.favorites];
    },
    setReader: async (reader) => {
      calls.push(`reader:${reader}`);
      settings.reader = reader;
      return settingsNow();
    },
    attention: async () => structuredClone({ ...attention, applications: account.signedIn ? sent : [] }),
    visit: async () => visitState(),
    advisorBoard: async (query) => {
      calls.push(`board:${query.page ?? 1}:${query.search ?? ""}:${query.status ?? ""}`);
      const words = (query.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      const rows = board.filter(
        (r) =>
          (!query.status || r.status === query.status) &&
          words.every((w) => `${r.student_name} ${r.student_user_id} ${r.reference_number ?? ""}`.toLowerCase().includes(w)),
      );
      const size = query.page_size ?? 50;
      const page = query.page ?? 1;
      return { rows: structuredClone(rows.slice((page - 1) * size, page * size)), total: rows.length, page, page_size: size };
    },
    setCounterPc: async (on) => {
      if (counter.open) throw new BackendError({ code: "visit_open", message: "a visit is open" });
      calls.push(`counter:${on}`);
      counter.on = on;
      account.signedIn = null;
      return settingsNow();
    },
    setVisitIdleMinutes: async (minutes) => {
      counter.idleMinutes = Math.min(120, Math.max(1, minutes));
      return settingsNow();
    },
    startVisit: async () => {
      if (!counter.on) throw new BackendError({ code: "not_a_counter_pc", message: "not a counter PC" });
      if (counter.open || counter.leftover > 0) throw new BackendError({ code: "visit_open", message: "a visit is open" });
      calls.push("visit:start");
      counter.open = true;
      counter.startedAt = 1_767_225_600;
      return visitState();
    },
    linkedStudents: async () => {
      calls.push("linked-students");
      return { students: structuredClone(students) };
    },
    setVisitApplicant: async (userId) => {
      if (!counter.open) throw new BackendError({ code: "no_visit", message: "no visit" });
      const student = students.find((s) => s.user_id === userId && s.usage_application_done);
      if (userId !== null && !student) throw new BackendError({ code: "not_a_filing_student", message: `${userId}` });
      calls.push(`visit:for:${userId ?? ""}`);
      counter.applicant = student ? { user_id: student.user_id, name_en: student.name_en } : null;
      return visitState();
    },
    endVisit: async (discardUnsent) => {
      if (!counter.open) throw new BackendError({ code: "no_visit", message: "no visit" });
      if (counter.unsent > 0 && !discardUnsent) {
        throw new BackendError({ code: "visit_unsent_submissions", message: `${counter.unsent} unsent` });
      }
      calls.push(`visit:end:${discardUnsent}`);
      const done = { removed_files: counter.files, discarded_submissions: discardUnsent ? counter.unsent : 0 };
      counter.open = false;
      counter.startedAt = null;
      counter.files = 0;
      counter.unsent = 0;
      return done;
    },
    sendLeftoverVisit: async () => {
      if (!account.signedIn) throw new BackendError({ code: "not_signed_in", message: "not signed in" });
      if (counter.leftover === 0) throw new BackendError({ code: "no_visit", message: "no visit" });
      calls.push("leftover:send");
      const filed = Array.from({ length: counter.leftoverSendable }, (_, i) => `ZR-2026-${String(900 + i).padStart(8, "0")}`);
      counter.leftover -= counter.leftoverSendable;
      counter.leftoverSendable = 0;
      return { filed, unsent: counter.leftover };
    },
    discardLeftoverVisit: async () => {
      if (counter.leftover === 0) throw new BackendError({ code: "no_visit", message: "no visit" });
      calls.push("leftover:discard");
      const done = { removed_files: counter.leftover, discarded_submissions: counter.leftover };
      counter.leftover = 0;
      counter.leftoverSendable = 0;
      return done;
    },
    clearWebStorage: async () => {
      counter.webStorageCleared += 1;
      return null;
    },
    onStatusChanged: async (handler) => {
      statusHandlers.push(handler);
      return () => statusHandlers.splice(statusHandlers.indexOf(handler), 1);
    },
    // desktop-io
    exportDraftTo: async (_id, path) => {
      calls.push(`export-to:${path}`);
      return path;
    },
    importDraftFrom: async (path) => {
      calls.push(`import-from:${path}`);
      return draftState();
    },
    attachFileFrom: async (_id, slot, path) => {
      calls.push(`attach-from:${slot}:${path}`);
      return draftState();
    },
    saveReceiptTo: async (id, path) => {
      calls.push(`receipt-to:${id}:${path}`);
      return path;
    },
    saveFiledCopy: async (id, path) => {
      calls.push(`filed-copy:${id}:${path}`);
      return path || `/tmp/zairyu/downloads/R-${id}/zairyu-application-R-${id}.pdf`;
    },
    cancelUpload: async () => {
      calls.push("cancel-upload");
      return null;
    },
    onUploadProgress: async (handler) => {
      uploadHandlers.push(handler);
      return () => uploadHandlers.splice(uploadHandlers.indexOf(handler), 1);
    },
    // support
    supportReport: async () => {
      calls.push("support-report");
      return {
        files: [
          { name: "diagnosis.txt", bytes: 420 },
          { name: "zairyu.log", bytes: 12_300 },
        ],
        diagnosis: "Zairyu support report\nversion: 0.1.0\nprofile: demo\n",
      };
    },
    saveSupportReportTo: async (path) => {
      calls.push(`support-report-to:${path}`);
      return path || "/tmp/zairyu/zairyu-support-report.zip";
    },
    restartApp: async () => {
      calls.push("restart");
      return null;
    },
    onInternalPanic: async (handler) => {
      panicHandlers.push(handler);
      return () => panicHandlers.splice(panicHandlers.indexOf(handler), 1);
    },
    files: options.nativeFiles ? native : null,
    // conventions: the desktop opens the official pages in the system's browser.
    links: options.nativeFiles
      ? {
          open: async (url: string) => {
            dialogs.browsed.push(url);
          },
        }
      : null,
  };
  /** Plays a bug in the Rust process (a panic on a background thread). */
  const panic = (message: string) => panicHandlers.forEach((h) => h({ code: "internal_panic", message }));
  /** Plays the backend sending a submission's progress. */
  const uploading = (progress: UploadProgress) => uploadHandlers.forEach((h) => h(progress));
  /** Plays the background watch telling the window of status changes. */
  const announce = (changes: StatusChange[]) => statusHandlers.forEach((h) => h(changes));
  return { api, state, calls, pending, card, account, settings, attention, announce, sent, local, counter, board, students, dialogs, uploading, info, panic };
}
