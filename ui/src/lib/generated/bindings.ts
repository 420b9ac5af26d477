// Generated from the command table (zairyu_app::command_table!) by
// src-tauri/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` instead.

export type Account = { user_id: string, email: string, 
/**
 * foreign_national | legal_representative | organisation_staff | attorney
 */
user_type: string, name_en: string, telephone: string, 
/**
 * The usage application (the card bound to the account) is done.
 */
usage_application_done: boolean, 
/**
 * My page (manual 7.3): the postal code (7 digits) and address in Japan, once given.
 */
postal_code?: string, address?: string, };

export type AppInfo = { profile: Profile, version: string, 
/**
 * The app-data folder, so an advisor can find (and clear) what the app keeps.
 */
data_dir: string, 
/**
 * The reception server preset for this computer by its IT department (production only).
 */
server_preset: ServerPreset, };

export type Application = { id: number, reference_number: string, 
/**
 * 仮申請受付番号, the temporary application receipt number (`東オソ認T00011111`).
 */
temporary_reception_number: string, 
/**
 * 仮申請番号, the temporary application number (`申請2600011111`): with the receipt number,
 * the two numbers a change of method of receipt may name (manual 5.3).
 */
temporary_application_number?: string, procedure_id: string, 
/**
 * The procedure's name from the catalog (none for a procedure no longer listed).
 */
procedure_name_en: string | null, procedure_name_ja: string | null, 
/**
 * The id the app chose when signing; the server files one submission id once.
 */
submission_id: string, status: ApplicationStatus, 
/**
 * What the examiner asked to change (In Return Process).
 */
revision_request: string | null, 
/**
 * Unix seconds.
 */
created_at: number, updated_at: number, 
/**
 * Proxy filing: the staff member (school or attorney office) who filed it for the
 * student; absent when the student filed it.
 */
filed_by?: FiledBy, 
/**
 * Proxy filing: the student it was filed for (the applicant); absent when the student
 * filed it.
 */
filed_for?: FiledFor, };

export type ApplicationDetails = { application: Application, 
/**
 * The applicant's name (English letters), part of the related information.
 */
applicant_name: string, 
/**
 * Every status the application has had, oldest first.
 */
history: Array<StatusEntry>, 
/**
 * How many versions were submitted (a resubmission adds one).
 */
versions: number, 
/**
 * The newest version's form as submitted (its fields depend on the procedure's schema).
 */
form: Record<string, Record<string, unknown>>, 
/**
 * The newest version's facial photo and attachments.
 */
files: Array<DetailFile>, };

export type ApplicationStatus = "pending" | "application_completed" | "under_review" | "awaiting_issuance" | "in_return_process" | "completed" | "completed_not_permitted";

export type AttachmentEntry = { 
/**
 * The form field path, e.g. `attachments.transcript`.
 */
slot: string, 
/**
 * Path inside the draft folder, e.g. `attachments/transcript.pdf` or `photo.jpg`.
 */
file: string, sha256: string, bytes: number, };

export type Attention = { 
/**
 * The applications on the server (empty when signed out or offline).
 */
applications: Array<Application>, revision_requests: Array<RevisionRequest>, stay_ending: Array<StayEnding>, 
/**
 * Drafts, and applications filed from here not decided yet, for which the card read
 * last expires too early (`card_expiry.rs`).
 */
card_expiring: Array<CardExpiring>, 
/**
 * Signed submissions waiting in the outbox.
 */
queued: number, 
/**
 * The server could not be asked (offline, or not signed in): returned applications may
 * be missing from the list.
 */
statuses_unknown: boolean, };

export type BasicFour = { name: string, address: string, 
/**
 * YYYY-MM-DD.
 */
birth_date: string, sex: Sex, };

export type BoardPage = { rows: Array<BoardRow>, 
/**
 * Rows matching the search and filters, over all pages.
 */
total: number, page: number, page_size: number, };

export type BoardQuery = { page?: number, page_size?: number, search?: string, status?: ApplicationStatus, procedure?: string, };

export type BoardRow = { student_user_id: string, student_name: string, application_id?: number, reference_number?: string, procedure_id?: string, procedure_name_en?: string, procedure_name_ja?: string, status?: ApplicationStatus, 
/**
 * What the examiner asked to change (In Return Process).
 */
revision_request?: string, 
/**
 * Unix seconds: the application's last change, or when the student linked.
 */
last_change: number, next_actor: NextActor, urgency: Urgency, 
/**
 * The end of the period of stay as the student gave it (`YYYY-MM-DD`), if known.
 */
stay_expires_on?: string, 
/**
 * The last day of the bound card certificate (`YYYY-MM-DD`), if known.
 */
card_expires_on?: string, 
/**
 * Set when staff filed this application for the student.
 */
filed_by?: FiledBy, };

export type CardExpiring = { draft_id: string, 
/**
 * The filed application's reference number ([`CardExpiryWarning::CardExpiresWhilePending`]
 * only).
 */
reference_number?: string, title_en: string, title_ja: string, warning: CardExpiryWarning, 
/**
 * The certificate's last valid day, YYYY-MM-DD.
 */
card_expires_on: string, 
/**
 * The period of stay's last day, YYYY-MM-DD (empty for a filed application whose draft is
 * no longer here).
 */
stay_expires_on: string, 
/**
 * The day a decision can be expected at the earliest, YYYY-MM-DD.
 */
decision_expected_on: string, };

export type CardExpiryWarning = "card_expires_while_pending" | "card_expires_before_decision" | "card_expires_before_stay";

export type CardPanelState = { 
/**
 * False when the PC/SC service is not running (the message says how to start it).
 */
pcsc_available: boolean, readers: Array<ReaderInfo>, 
/**
 * The practice card is "inserted" (it is listed among the readers then).
 */
practice_card: boolean, 
/**
 * Only the demo profile of a build with the practice card (feature `demo`) offers it.
 */
practice_allowed: boolean, 
/**
 * The reader chosen in Settings; `None`: the first reader with a card.
 */
preferred_reader: string | null, 
/**
 * The reader card commands will use now (the preferred one when it holds a card).
 */
active_reader: string | null, };

export type CardStatus = { my_number_card: boolean, 
/**
 * The JPKI token label, e.g. `JPKIAPICCTOKEN2`.
 */
token: string, auth_pin_tries: number | null, sign_password_tries: number | null, text_pin_tries: number | null, };

export type ChecklistItem = { id: ChecklistItemId, done: boolean, };

export type ChecklistItemId = "my_number_card" | "card_pins" | "residence_card" | "passport" | "pc" | "card_reader" | "documents_pdf";

export type Choice = { value: string, label_en: string, label_ja: string, 
/**
 * The heading the choice is listed under in a long list (an office's regional bureau).
 */
group_en?: string, group_ja?: string, };

export type CommandError = { code: string, message: string, };

export type Condition = { "equals": { field: string, value: unknown, } } | { "one_of": { field: string, values: unknown[], } } | { "filled": { field: string, } } | { "all": Array<Condition> } | { "any": Array<Condition> } | { "not": Condition };

export type DemoMail = { 
/**
 * The `.eml` file's name (they sort by time).
 */
file: string, body: string, };

export type DetailFile = { name: string, sha256: string, bytes: number, 
/**
 * photo | attachment
 */
kind: string, };

export type Diagnosis = { pcsc_available: boolean, readers: Array<ReaderInfo>, 
/**
 * The first card found, if it answered.
 */
card: CardStatus | null, 
/**
 * Why the card could not be read (an error code), when a card is present.
 */
card_error: string | null, server: string | null, server_reachable: boolean, 
/**
 * This computer's clock, RFC 3339 UTC.
 */
clock_utc: string, queued_submissions: number, data_dir: string, };

export type DraftFinding = { code: string, 
/**
 * Field path (`section.field`); for a file, its slot; empty for the whole set.
 */
path: string, severity: Severity, message: string, message_ja: string, 
/**
 * How to fix it (file findings; empty for form findings, whose message says it).
 */
hint: string, hint_ja: string, 
/**
 * The one-click fix of the file (`App::fix_draft_file`) removes this finding.
 */
fixable: boolean, 
/**
 * The message's id in the catalogue (`locales/<language>/findings.ftl`); its `.hint` is the hint.
 */
message_id: string, 
/**
 * The message's arguments, to render it in any language (`DraftFinding::render`).
 */
args: Record<string, string | number | Array<string>>, 
/**
 * The attached file a file finding is about (its name leads the message).
 */
file: string | null, };

export type DraftMeta = { format: number, id: string, procedure: string, 
/**
 * The version of the procedure's form schema the data follows.
 */
schema_version: number, 
/**
 * RFC 3339 UTC.
 */
created_at: string, updated_at: string, 
/**
 * Counts saves; the history file names use it.
 */
revision: number, form: Record<string, unknown>, attachments: Array<AttachmentEntry>, 
/**
 * Field paths to check again (set when reusing a past application; cleared on edit).
 */
recheck: Array<string>, submitted: Submitted | null, reused_from: string | null, };

export type DraftReport = { procedure: string, 
/**
 * No finding is an error.
 */
ok: boolean, findings: Array<DraftFinding>, 
/**
 * Fields carried over from a past application that should be checked again.
 */
recheck: Array<string>, 
/**
 * Every attached file, slot by slot in form order, each slot's files in order.
 */
files: Array<SlotFile>, 
/**
 * The manual's limits for one application (4.2.8), photo included: 20 files and
 * 25,000,000 bytes.
 */
max_files: number, max_total_bytes: number, };

export type DraftState = { id: string, meta: DraftMeta, 
/**
 * Which fields are shown and required now.
 */
fields: Array<FieldState>, report: DraftReport, 
/**
 * Whether there is an earlier version to go back to.
 */
can_undo: boolean, };

export type DraftSummary = { id: string, procedure: string, title_en: string, title_ja: string, 
/**
 * RFC 3339 UTC.
 */
updated_at: string, 
/**
 * Findings that are errors (form and files); 0 means ready to sign.
 */
errors: number, submitted: boolean, 
/**
 * The date the current period of stay ends (YYYY-MM-DD), when the form asks for it and
 * it is filled.
 */
stay_expires_on: string | null, };

export type Field = { id: string, label_en: string, label_ja: string, kind: FieldKind, required: boolean, 
/**
 * Required only when this holds ("the input condition changes with a result of the choices").
 */
required_when?: Condition, 
/**
 * Shown (and validated) only when this holds; a hidden field's value is ignored.
 */
shown_when?: Condition, min_len?: number, 
/**
 * Largest allowed value of an `integer` field (28 hours a week of part-time work).
 */
max_value?: number, 
/**
 * Maximum length in characters (not bytes).
 */
max_len?: number, width: Width, choices?: Array<Choice>, hint_en?: string, hint_ja?: string, 
/**
 * For a confirmation input: the path of the field it must repeat (e-mail entered twice).
 */
confirms?: string, 
/**
 * For an attachment slot: the item of the student document list (checks crate id).
 */
document?: string, 
/**
 * Where the value can be prefilled from: `card.name`, `card.address`, `card.birth_date`, `card.sex`.
 */
prefill?: string, 
/**
 * The value goes stale between applications (a new residence card has a new number):
 * a reused application marks it to be checked again.
 */
recheck_on_reuse: boolean, 
/**
 * For `rows`: the columns of each row.
 */
columns?: Array<Field>, max_rows?: number, };

export type FieldKind = "text" | "date" | "month" | "choice" | "checkbox" | "integer" | "email" | "postal_code" | "telephone" | "residence_card_number" | "english_name" | "reception_number" | "photo" | "attachment" | "rows";

export type FieldState = { path: string, shown: boolean, required: boolean, };

export type FiledBy = { 
/**
 * The staff member's user ID and name.
 */
user_id: string, name_en: string, 
/**
 * Their organisation at the time of filing.
 */
organisation_id: string, organisation_name: string, };

export type FiledFor = { user_id: string, name_en: string, };

export type Language = "en" | "ja" | "zh-Hans" | "vi" | "ne" | "ko" | "id";

export type LeftoverSent = { 
/**
 * The reference numbers of the applications filed now.
 */
filed: Array<string>, 
/**
 * Those still unsent (signed by another account, or the server could not be reached):
 * still asked about.
 */
unsent: number, };

export type LinkedStudent = { user_id: string, name_en: string, 
/**
 * The student's card is bound (the usage application is done): only then can staff
 * file for them.
 */
usage_application_done: boolean, linked_at: number, };

export type LinkedStudents = { students: Array<LinkedStudent>, };

export type LocalData = { 
/**
 * Drafts, those set aside included.
 */
drafts: number, 
/**
 * Receipts of filed applications.
 */
receipts: number, 
/**
 * Signed submissions waiting to be sent (anyone's).
 */
queued_submissions: number, };

export type NextActor = "student" | "school" | "agency";

export type Notice = { "code": "file_recovered", kept_as: string, } | { "code": "leftover_visit_removed", discarded_submissions: number, };

export type PdfChange = { draft: DraftState, 
/**
 * Bytes and pages before (all the files merged, or the one shrunk) and after.
 */
bytes_before: number, bytes_after: number, pages_before: number, pages_after: number, };

export type PostalAddress = { postal_code: string, prefecture: string, city: string, 
/**
 * The town (町域); empty when the code covers the whole city.
 */
town: string, 
/**
 * For a business code (事業所): the business's name and its street address.
 */
office?: string, street?: string, 
/**
 * Prefecture + city + town, ready to go into an address field.
 */
address: string, };

export type Procedure = { id: string, name_en: string, name_ja: string, 
/**
 * Japan time, `YYYY-MM-DDTHH:MM`.
 */
reception_start: string, 
/**
 * Japan time; none means "at any time".
 */
reception_end?: string, explanation_en: string, explanation_ja: string, keywords: Array<string>, 
/**
 * Whether Zairyu has a form for it (`zairyu draft new` works).
 */
has_form: boolean, 
/**
 * Which screen choosing it opens: a draft, or the usage application (manual 3.2 step 3),
 * which is signed with the card at once and never kept as a draft.
 */
screen: ProcedureScreen, };

export type ProcedureScreen = "draft" | "usage_application";

export type Profile = "demo" | "production";

export type QueuedSubmission = { submission_id: string, draft_id: string, procedure_id: string, queued_at: string, 
/**
 * Signed while another account (or an unknown one) was signed in on this computer: it is
 * kept, and never sent by the account signed in now.
 */
belongs_to_someone_else: boolean, };

export type ReaderInfo = { name: string, card_present: boolean, };

export type Receipt = { draft_id: string, received_at: string, application: Application, };

export type Registration = { 
/**
 * The code from the e-mail (or the `token=` of its link).
 */
code: string, 
/**
 * foreign_national | legal_representative | organisation_staff | … (manual 3.1).
 */
user_type: string, name_en: string, telephone: string, 
/**
 * Wiped when the registration is dropped.
 */
password: string, };

export type RevisionRequest = { application: Application, draft_id: string | null, };

export type Rule = { code: string, path: string, when: Condition, then: Condition, message_en: string, message_ja: string, };

export type Schema = { 
/**
 * The procedure this form belongs to (catalog id).
 */
procedure: string, 
/**
 * Raised whenever a field is renamed or its meaning changes; drafts are migrated.
 */
version: number, title_en: string, title_ja: string, sections: Array<Section>, 
/**
 * Rules across fields, checked after every field is valid on its own.
 */
rules: Array<Rule>, };

export type Section = { id: string, title_en: string, title_ja: string, shown_when?: Condition, fields: Array<Field>, };

export type ServerPreset = { 
/**
 * The preset server's address (already checked like one typed in Settings).
 */
url: string | null, 
/**
 * Settings cannot change the server (only with a preset `url`).
 */
locked: boolean, };

export type SessionState = { server: string, account: Account | null, 
/**
 * False when the OS keychain was not available: the sign-in lasts until the app closes.
 */
kept_in_keychain: boolean, };

export type Settings = { language: Language, 
/**
 * A remote reception server (https://…); `None`: the server bundled with the app.
 */
server_url: string | null, 
/**
 * The card reader to use when several are connected; `None`: the first with a card.
 */
reader: string | null, 
/**
 * A counter PC (a school's advisor desk): a staff sign-in kept in memory only, and each
 * student's work in a visit that leaves nothing behind (`counter_visit.rs`).
 */
counter_pc: boolean, 
/**
 * Minutes without activity after which an open visit ends by itself; `None`: the default
 * ([`crate::DEFAULT_VISIT_IDLE_MINUTES`]).
 */
visit_idle_minutes: number | null, };

export type Severity = "error" | "warning";

export type Sex = "male" | "female" | "other";

export type SlotFile = { slot: string, 
/**
 * Its path in the draft folder (`attachments/bank-2.pdf`): what remove/move name.
 */
file: string, 
/**
 * The name shown (and sent).
 */
name: string, bytes: number, 
/**
 * Pages of a readable PDF; null for the photo or an unreadable file.
 */
pages: number | null, };

export type StatusChange = { application: Application, 
/**
 * The status seen before.
 */
previous: ApplicationStatus, };

export type StatusEntry = { status: ApplicationStatus, at: number, };

export type StayEnding = { draft_id: string, title_en: string, title_ja: string, 
/**
 * YYYY-MM-DD.
 */
expires_on: string, 
/**
 * Negative once the day has passed.
 */
days_left: number, };

export type SubmitOutcome = { "outcome": "sent", receipt: Receipt, } | { "outcome": "queued", submission: QueuedSubmission, reason: string, };

export type Submitted = { 
/**
 * RFC 3339 UTC.
 */
at: string, reference_number: string, };

export type SupportReport = { 
/**
 * The zip's files in order: [`DIAGNOSIS_FILE`] first, then the log files, newest first.
 */
files: Array<SupportReportFile>, 
/**
 * The text of [`DIAGNOSIS_FILE`].
 */
diagnosis: string, };

export type SupportReportFile = { name: string, bytes: number, };

export type Terms = { 
/**
 * The Japanese original, which prevails.
 */
ja: string, 
/**
 * An English summary.
 */
en: string, };

export type UploadProgress = { submission_id: string, sent: number, total: number, };

export type Urgency = "returned_for_changes" | "stay_ends_soon_nothing_filed" | "card_expires_before_stay" | "none";

export type UsageInfo = { name: string, address: string, birth_date: string, sex: string, residence_card_number: string, 
/**
 * The school or attorney office to link (its organisation ID, `ORG` and eight digits),
 * so its staff see the applications (optional; anything else is kept as given).
 */
organisation: string | null, 
/**
 * Manual 3.2 step 15: the name in English letters as on the residence card.
 */
name_en: string, 
/**
 * Manual 3.2 step 15: postal code (7 digits; a hyphen is taken out).
 */
postal_code: string, 
/**
 * Manual 3.2 step 15: telephone number.
 */
telephone: string, };

export type VisitApplicant = { user_id: string, name_en: string, };

export type VisitEnd = { 
/**
 * Files of the visit removed from this computer.
 */
removed_files: number, 
/**
 * Signed applications that were never sent and were discarded on request.
 */
discarded_submissions: number, };

export type VisitState = { 
/**
 * This PC is a counter PC (settings).
 */
counter_pc: boolean, 
/**
 * A visit is open.
 */
open: boolean, 
/**
 * When it began (seconds since the Unix epoch), if open.
 */
started_at: number | null, 
/**
 * Minutes without activity before an open visit ends by itself.
 */
idle_minutes: number, 
/**
 * The staff member signed in on this counter PC (user ID), if any.
 */
staff_user: string | null, 
/**
 * Proxy filing: the linked student this visit files for (chosen by the staff member).
 */
applicant: VisitApplicant | null, 
/**
 * Signed applications never sent of a visit left open when the app last stopped (0:
 * none). While there are any, no visit starts: the staff member sends or discards them.
 */
leftover_unsent: number, };

export type Width = "any" | "half" | "full";

/** Every command: its arguments, under the names they travel by, and its result. */
export interface Commands {
  app_info: { args: Record<string, never>; result: AppInfo };
  get_settings: { args: Record<string, never>; result: Settings };
  set_language: { args: { language: Language }; result: Settings };
  get_checklist: { args: Record<string, never>; result: Array<ChecklistItem> };
  set_checklist_item: { args: { id: ChecklistItemId; done: boolean }; result: Array<ChecklistItem> };
  take_notices: { args: Record<string, never>; result: Array<Notice> };
  list_procedures: { args: { search: string; synonyms: boolean }; result: Array<Procedure> };
  get_terms: { args: Record<string, never>; result: Terms };
  get_schema: { args: { procedure: string }; result: Schema };
  lookup_postal: { args: { code: string }; result: Array<PostalAddress> };
  list_drafts: { args: Record<string, never>; result: Array<DraftSummary> };
  create_draft: { args: { procedure: string }; result: DraftState };
  get_draft: { args: { id: string }; result: DraftState };
  set_draft_field: { args: { id: string; path: string; value: string }; result: DraftState };
  attach_file: { args: { draftId: string; slot: string; fileName: string; bytes: Uint8Array }; result: DraftState };
  add_slot_file: { args: { draftId: string; slot: string; fileName: string; bytes: Uint8Array }; result: DraftState };
  remove_slot_file: { args: { id: string; slot: string; file: string }; result: DraftState };
  move_slot_file: { args: { id: string; slot: string; file: string; up: boolean }; result: DraftState };
  merge_slot_pdfs: { args: { id: string; slot: string }; result: PdfChange };
  shrink_draft_pdf: { args: { id: string; slot: string; file: string }; result: PdfChange };
  detach_file: { args: { id: string; slot: string }; result: DraftState };
  undo_draft: { args: { id: string }; result: DraftState };
  export_draft: { args: { id: string }; result: string };
  import_draft: { args: { bytes: Uint8Array }; result: DraftState };
  set_draft_aside: { args: { id: string }; result: null };
  card_panel: { args: Record<string, never>; result: CardPanelState };
  insert_practice_card: { args: Record<string, never>; result: CardPanelState };
  remove_practice_card: { args: Record<string, never>; result: CardPanelState };
  card_status: { args: { reader: string | null }; result: CardStatus };
  read_basic_four: { args: { reader: string | null; pin: string; lastTry: boolean }; result: BasicFour };
  set_server: { args: { url: string | null }; result: Settings };
  diagnosis: { args: Record<string, never>; result: Diagnosis };
  session: { args: Record<string, never>; result: SessionState };
  register: { args: { email: string; emailAgain: string; agreedToTerms: boolean }; result: null };
  confirm_email: { args: { code: string }; result: string };
  complete_registration: { args: { registration: Registration }; result: string };
  forgot_user_id: { args: { email: string }; result: null };
  sign_in: { args: { userId: string; password: string }; result: SessionState };
  sign_out: { args: Record<string, never>; result: SessionState };
  local_data: { args: Record<string, never>; result: LocalData };
  remove_local_data: { args: Record<string, never>; result: LocalData };
  check_usage_info: { args: { info: UsageInfo }; result: Array<DraftFinding> };
  apply_for_usage: { args: { reader: string | null; pin: string; lastTry: boolean; info: UsageInfo }; result: SessionState };
  submit_draft: { args: { id: string; reader: string | null; pin: string; lastTry: boolean; resubmitOf: number | null }; result: SubmitOutcome };
  send_queued: { args: Record<string, never>; result: Array<SubmitOutcome> };
  queued_submissions: { args: Record<string, never>; result: Array<QueuedSubmission> };
  receipts: { args: Record<string, never>; result: Array<Receipt> };
  list_applications: { args: Record<string, never>; result: Array<Application> };
  application_details: { args: { id: number }; result: ApplicationDetails };
  download_application_file: { args: { id: number; sha256: string }; result: string };
  past_applications: { args: { related: string; procedure: string; date: string }; result: Array<Application> };
  reuse_application: { args: { id: number }; result: DraftState };
  draft_for_revision: { args: { id: number }; result: DraftState };
  demo_mailbox: { args: Record<string, never>; result: Array<DemoMail> };
  ui_ready: { args: { screen: string }; result: null };
  fix_draft_file: { args: { id: string; slot: string }; result: DraftState };
  fill_draft_from_card: { args: { id: string; reader: string | null; pin: string; lastTry: boolean }; result: DraftState };
  forgot_password: { args: { userId: string; email: string }; result: null };
  reset_password: { args: { code: string; password: string }; result: null };
  change_password: { args: { current: string; new: string }; result: null };
  change_profile: { args: { postalCode: string; address: string; telephone: string }; result: null };
  reuse_draft: { args: { id: string }; result: DraftState };
  draft_photo: { args: { id: string }; result: string | null };
  change_email: { args: { email: string; emailAgain: string; password: string }; result: null };
  confirm_email_change: { args: { code: string }; result: string };
  favorites: { args: Record<string, never>; result: Array<string> };
  set_favorite: { args: { procedure: string; on: boolean }; result: Array<string> };
  set_reader: { args: { reader: string | null }; result: Settings };
  attention: { args: Record<string, never>; result: Attention };
  visit: { args: Record<string, never>; result: VisitState };
  set_counter_pc: { args: { on: boolean }; result: Settings };
  set_visit_idle_minutes: { args: { minutes: number }; result: Settings };
  start_visit: { args: Record<string, never>; result: VisitState };
  set_visit_applicant: { args: { userId: string | null }; result: VisitState };
  linked_students: { args: Record<string, never>; result: LinkedStudents };
  end_visit: { args: { discardUnsent: boolean }; result: VisitEnd };
  send_leftover_visit: { args: Record<string, never>; result: LeftoverSent };
  discard_leftover_visit: { args: Record<string, never>; result: VisitEnd };
  clear_web_storage: { args: Record<string, never>; result: null };
  advisor_board: { args: { query: BoardQuery }; result: BoardPage };
  export_draft_to: { args: { id: string; path: string }; result: string };
  import_draft_from: { args: { path: string }; result: DraftState };
  attach_file_from: { args: { draftId: string; slot: string; path: string }; result: DraftState };
  save_receipt_to: { args: { applicationId: number; path: string }; result: string };
  save_filed_copy: { args: { id: number; path: string }; result: string };
  cancel_upload: { args: Record<string, never>; result: null };
  support_report: { args: Record<string, never>; result: SupportReport };
  save_support_report_to: { args: { path: string }; result: string };
  restart_app: { args: Record<string, never>; result: null };
}

/** The commands whose body is raw bytes; their other arguments travel as headers. */
export type BytesCommand = "attach_file" | "add_slot_file" | "import_draft";

/** Every command as the UI calls it: `backend().setDraftField(id, path, value)`. */
export interface CommandMethods {
  /** The running app: profile, version and app-data folder. */
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  setLanguage(language: Language): Promise<Settings>;
  getChecklist(): Promise<Array<ChecklistItem>>;
  setChecklistItem(id: ChecklistItemId, done: boolean): Promise<Array<ChecklistItem>>;
  /** What the user should be told once (e.g. a damaged file was set aside). */
  takeNotices(): Promise<Array<Notice>>;
  /** Procedures matching all keywords; `synonyms` widens each keyword. */
  listProcedures(search: string, synonyms: boolean): Promise<Array<Procedure>>;
  getTerms(): Promise<Terms>;
  getSchema(procedure: string): Promise<Schema>;
  lookupPostal(code: string): Promise<Array<PostalAddress>>;
  listDrafts(): Promise<Array<DraftSummary>>;
  createDraft(procedure: string): Promise<DraftState>;
  getDraft(id: string): Promise<DraftState>;
  /** Sets one field from what was typed; the draft is saved at once. */
  setDraftField(id: string, path: string, value: string): Promise<DraftState>;
  /** Puts a file (its bytes) into a photo or attachment slot; saved at once. */
  attachFile(draftId: string, slot: string, fileName: string, bytes: Uint8Array): Promise<DraftState>;
  /** Manual 4.2.8: one more file for a document slot, after the files there (at most 20 files and 25,000,000 bytes per application). */
  addSlotFile(draftId: string, slot: string, fileName: string, bytes: Uint8Array): Promise<DraftState>;
  /** Removes one file of a slot (`file` as listed in `report.files`); undo brings it back. */
  removeSlotFile(id: string, slot: string, file: string): Promise<DraftState>;
  /** Moves one file of a slot one place up (towards part 1) or down. */
  moveSlotFile(id: string, slot: string, file: string, up: boolean): Promise<DraftState>;
  /** "Merge these PDFs into one": the slot's PDFs in order; sizes and pages before/after. */
  mergeSlotPdfs(id: string, slot: string): Promise<PdfChange>;
  /** Shrinks the scanned pages of one PDF of a slot; sizes and pages before/after. */
  shrinkDraftPdf(id: string, slot: string, file: string): Promise<PdfChange>;
  detachFile(id: string, slot: string): Promise<DraftState>;
  undoDraft(id: string): Promise<DraftState>;
  /** Writes the draft and its files to one bundle; returns the file's path. */
  exportDraft(id: string): Promise<string>;
  /** A bundle (its bytes) as a new draft. */
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
  /** Registration after the terms of use were agreed (manual 3.1 steps 3–4). */
  register(email: string, emailAgain: string, agreedToTerms: boolean): Promise<null>;
  confirmEmail(code: string): Promise<string>;
  completeRegistration(registration: Registration): Promise<string>;
  forgotUserId(email: string): Promise<null>;
  signIn(userId: string, password: string): Promise<SessionState>;
  signOut(): Promise<SessionState>;
  /** What stays on this computer (drafts, receipts, queued submissions): asked at sign-out. */
  localData(): Promise<LocalData>;
  /** Removes the drafts, receipts and queued submissions kept on this computer. */
  removeLocalData(): Promise<LocalData>;
  /** The findings of the usage application's typed fields (manual 3.2 step 15); no PIN. */
  checkUsageInfo(info: UsageInfo): Promise<Array<DraftFinding>>;
  applyForUsage(reader: string | null, pin: string, lastTry: boolean, info: UsageInfo): Promise<SessionState>;
  /** Signs the draft with the card and sends it (or queues it when offline). */
  submitDraft(id: string, reader: string | null, pin: string, lastTry: boolean, resubmitOf: number | null): Promise<SubmitOutcome>;
  sendQueued(): Promise<Array<SubmitOutcome>>;
  queuedSubmissions(): Promise<Array<QueuedSubmission>>;
  receipts(): Promise<Array<Receipt>>;
  listApplications(): Promise<Array<Application>>;
  /** Application Details (manual 5.1 step 5): status history, form and files. */
  applicationDetails(id: number): Promise<ApplicationDetails>;
  /** Saves one file of an application in the data folder; answers its path. */
  downloadApplicationFile(id: number, sha256: string): Promise<string>;
  /** The past application list (manual 6.3), searched by related information, procedure and date. */
  pastApplications(related: string, procedure: string, date: string): Promise<Array<Application>>;
  /** "Choice" in the past application list: a new draft from the server's copy (any computer). */
  reuseApplication(id: number): Promise<DraftState>;
  /** A draft to change a returned application from the server's newest version. */
  draftForRevision(id: number): Promise<DraftState>;
  /** The bundled server's e-mails, newest first (demo profile only). */
  demoMailbox(): Promise<Array<DemoMail>>;
  /** Said once when the first screen shows real data (start-up timing; the log names the screen). */
  uiReady(screen: string): Promise<null>;
  /** The one-click fix of an attached file (photo: upright, 3:4, smaller; PDF: unlocked). */
  fixDraftFile(id: string, slot: string): Promise<DraftState>;
  /** Reads the basic four from the card (card-info PIN) into the fields that take them. */
  fillDraftFromCard(id: string, reader: string | null, pin: string, lastTry: boolean): Promise<DraftState>;
  forgotPassword(userId: string, email: string): Promise<null>;
  resetPassword(code: string, password: string): Promise<null>;
  changePassword(current: string, new_: string): Promise<null>;
  changeProfile(postalCode: string, address: string, telephone: string): Promise<null>;
  /** A new draft from a submitted one (within two years). */
  reuseDraft(id: string): Promise<DraftState>;
  /** The attached photo as a data: address, for the preview. */
  draftPhoto(id: string): Promise<string | null>;
  /** My page: a new e-mail address (twice) and the current password; a code goes to the new address. */
  changeEmail(email: string, emailAgain: string, password: string): Promise<null>;
  /** The code (or link) from that e-mail; answers the address now on the account. */
  confirmEmailChange(code: string): Promise<string>;
  /** The procedure ids marked as favorites (signed in). */
  favorites(): Promise<Array<string>>;
  setFavorite(procedure: string, on: boolean): Promise<Array<string>>;
  /** The card reader to use when several are connected (null: the first with a card). */
  setReader(reader: string | null): Promise<Settings>;
  /** What needs action first: returned applications, a period of stay ending, the outbox. */
  attention(): Promise<Attention>;
  /** Counter PC (counter-app): the mode and the open visit, if any. */
  visit(): Promise<VisitState>;
  /** Makes this PC a counter PC (session in memory only, visits) or an ordinary one. */
  setCounterPc(on: boolean): Promise<Settings>;
  /** Minutes without activity before an open visit ends by itself (1–120). */
  setVisitIdleMinutes(minutes: number): Promise<Settings>;
  /** Starts a visit: the student's files go to a fresh folder until it ends. */
  startVisit(): Promise<VisitState>;
  /** Proxy filing: the linked student this visit files for (null: nobody). */
  setVisitApplicant(userId: string | null): Promise<VisitState>;
  /** The students linked to the staff member's organisation (whom they may file for). */
  linkedStudents(): Promise<LinkedStudents>;
  /** Ends the visit and removes every file of it; unsent applications stop it unless discarded. */
  endVisit(discardUnsent: boolean): Promise<VisitEnd>;
  /** A visit left open when the app stopped: sends its unsent applications the signed-in account signed. */
  sendLeftoverVisit(): Promise<LeftoverSent>;
  /** A visit left open when the app stopped: discards its unsent applications; nothing of it stays. */
  discardLeftoverVisit(): Promise<VisitEnd>;
  /** Clears the web view's storage (local and session storage, IndexedDB, caches): the end of a visit. */
  clearWebStorage(): Promise<null>;
  /** The advisor's board: one page of the organisation's students' applications, most urgent first. */
  advisorBoard(query: BoardQuery): Promise<BoardPage>;
  /** "Export draft" to a file chosen in a save dialog; answers the path written. */
  exportDraftTo(id: string, path: string): Promise<string>;
  /** Opens a draft bundle chosen in an open dialog as a new draft. */
  importDraftFrom(path: string): Promise<DraftState>;
  /** Attaches a file chosen in an open dialog (the same as `attach_file`, by path). */
  attachFileFrom(draftId: string, slot: string, path: string): Promise<DraftState>;
  /** Saves the receipt of an application filed from this computer (text); answers the path. */
  saveReceiptTo(applicationId: number, path: string): Promise<string>;
  /** The PDF copy of a filed application, from the server's record; answers the path. */
  saveFiledCopy(id: number, path: string): Promise<string>;
  /** Cancels the submission being sent; it stays in the outbox (`upload_cancelled`). */
  cancelUpload(): Promise<null>;
  /** What "Save a support report" would save: the files and the diagnosis text. */
  supportReport(): Promise<SupportReport>;
  /** The support report (diagnosis and recent logs, a zip) to a file chosen in a save dialog; answers the path. */
  saveSupportReportTo(path: string): Promise<string>;
  /** Starts the app again (the error screen after an internal error). */
  restartApp(): Promise<null>;
}

/** How each method of `CommandMethods` reaches its command: the names its arguments
 * travel under, in order (JSON keys; for a `bytes` command, headers, and the method's
 * last argument is the body). */
export const commandSpecs = [
  { method: "appInfo", command: "app_info", args: [] },
  { method: "getSettings", command: "get_settings", args: [] },
  { method: "setLanguage", command: "set_language", args: ["language"] },
  { method: "getChecklist", command: "get_checklist", args: [] },
  { method: "setChecklistItem", command: "set_checklist_item", args: ["id", "done"] },
  { method: "takeNotices", command: "take_notices", args: [] },
  { method: "listProcedures", command: "list_procedures", args: ["search", "synonyms"] },
  { method: "getTerms", command: "get_terms", args: [] },
  { method: "getSchema", command: "get_schema", args: ["procedure"] },
  { method: "lookupPostal", command: "lookup_postal", args: ["code"] },
  { method: "listDrafts", command: "list_drafts", args: [] },
  { method: "createDraft", command: "create_draft", args: ["procedure"] },
  { method: "getDraft", command: "get_draft", args: ["id"] },
  { method: "setDraftField", command: "set_draft_field", args: ["id", "path", "value"] },
  { method: "attachFile", command: "attach_file", args: ["x-draft-id", "x-slot", "x-file-name"], bytes: true },
  { method: "addSlotFile", command: "add_slot_file", args: ["x-draft-id", "x-slot", "x-file-name"], bytes: true },
  { method: "removeSlotFile", command: "remove_slot_file", args: ["id", "slot", "file"] },
  { method: "moveSlotFile", command: "move_slot_file", args: ["id", "slot", "file", "up"] },
  { method: "mergeSlotPdfs", command: "merge_slot_pdfs", args: ["id", "slot"] },
  { method: "shrinkDraftPdf", command: "shrink_draft_pdf", args: ["id", "slot", "file"] },
  { method: "detachFile", command: "detach_file", args: ["id", "slot"] },
  { method: "undoDraft", command: "undo_draft", args: ["id"] },
  { method: "exportDraft", command: "export_draft", args: ["id"] },
  { method: "importDraft", command: "import_draft", args: [], bytes: true },
  { method: "setDraftAside", command: "set_draft_aside", args: ["id"] },
  { method: "cardPanel", command: "card_panel", args: [] },
  { method: "insertPracticeCard", command: "insert_practice_card", args: [] },
  { method: "removePracticeCard", command: "remove_practice_card", args: [] },
  { method: "cardStatus", command: "card_status", args: ["reader"] },
  { method: "readBasicFour", command: "read_basic_four", args: ["reader", "pin", "lastTry"] },
  { method: "setServer", command: "set_server", args: ["url"] },
  { method: "diagnosis", command: "diagnosis", args: [] },
  { method: "session", command: "session", args: [] },
  { method: "register", command: "register", args: ["email", "emailAgain", "agreedToTerms"] },
  { method: "confirmEmail", command: "confirm_email", args: ["code"] },
  { method: "completeRegistration", command: "complete_registration", args: ["registration"] },
  { method: "forgotUserId", command: "forgot_user_id", args: ["email"] },
  { method: "signIn", command: "sign_in", args: ["userId", "password"] },
  { method: "signOut", command: "sign_out", args: [] },
  { method: "localData", command: "local_data", args: [] },
  { method: "removeLocalData", command: "remove_local_data", args: [] },
  { method: "checkUsageInfo", command: "check_usage_info", args: ["info"] },
  { method: "applyForUsage", command: "apply_for_usage", args: ["reader", "pin", "lastTry", "info"] },
  { method: "submitDraft", command: "submit_draft", args: ["id", "reader", "pin", "lastTry", "resubmitOf"] },
  { method: "sendQueued", command: "send_queued", args: [] },
  { method: "queuedSubmissions", command: "queued_submissions", args: [] },
  { method: "receipts", command: "receipts", args: [] },
  { method: "listApplications", command: "list_applications", args: [] },
  { method: "applicationDetails", command: "application_details", args: ["id"] },
  { method: "downloadApplicationFile", command: "download_application_file", args: ["id", "sha256"] },
  { method: "pastApplications", command: "past_applications", args: ["related", "procedure", "date"] },
  { method: "reuseApplication", command: "reuse_application", args: ["id"] },
  { method: "draftForRevision", command: "draft_for_revision", args: ["id"] },
  { method: "demoMailbox", command: "demo_mailbox", args: [] },
  { method: "uiReady", command: "ui_ready", args: ["screen"] },
  { method: "fixDraftFile", command: "fix_draft_file", args: ["id", "slot"] },
  { method: "fillDraftFromCard", command: "fill_draft_from_card", args: ["id", "reader", "pin", "lastTry"] },
  { method: "forgotPassword", command: "forgot_password", args: ["userId", "email"] },
  { method: "resetPassword", command: "reset_password", args: ["code", "password"] },
  { method: "changePassword", command: "change_password", args: ["current", "new"] },
  { method: "changeProfile", command: "change_profile", args: ["postalCode", "address", "telephone"] },
  { method: "reuseDraft", command: "reuse_draft", args: ["id"] },
  { method: "draftPhoto", command: "draft_photo", args: ["id"] },
  { method: "changeEmail", command: "change_email", args: ["email", "emailAgain", "password"] },
  { method: "confirmEmailChange", command: "confirm_email_change", args: ["code"] },
  { method: "favorites", command: "favorites", args: [] },
  { method: "setFavorite", command: "set_favorite", args: ["procedure", "on"] },
  { method: "setReader", command: "set_reader", args: ["reader"] },
  { method: "attention", command: "attention", args: [] },
  { method: "visit", command: "visit", args: [] },
  { method: "setCounterPc", command: "set_counter_pc", args: ["on"] },
  { method: "setVisitIdleMinutes", command: "set_visit_idle_minutes", args: ["minutes"] },
  { method: "startVisit", command: "start_visit", args: [] },
  { method: "setVisitApplicant", command: "set_visit_applicant", args: ["userId"] },
  { method: "linkedStudents", command: "linked_students", args: [] },
  { method: "endVisit", command: "end_visit", args: ["discardUnsent"] },
  { method: "sendLeftoverVisit", command: "send_leftover_visit", args: [] },
  { method: "discardLeftoverVisit", command: "discard_leftover_visit", args: [] },
  { method: "clearWebStorage", command: "clear_web_storage", args: [] },
  { method: "advisorBoard", command: "advisor_board", args: ["query"] },
  { method: "exportDraftTo", command: "export_draft_to", args: ["id", "path"] },
  { method: "importDraftFrom", command: "import_draft_from", args: ["path"] },
  { method: "attachFileFrom", command: "attach_file_from", args: ["draftId", "slot", "path"] },
  { method: "saveReceiptTo", command: "save_receipt_to", args: ["applicationId", "path"] },
  { method: "saveFiledCopy", command: "save_filed_copy", args: ["id", "path"] },
  { method: "cancelUpload", command: "cancel_upload", args: [] },
  { method: "supportReport", command: "support_report", args: [] },
  { method: "saveSupportReportTo", command: "save_support_report_to", args: ["path"] },
  { method: "restartApp", command: "restart_app", args: [] },
] as const;
