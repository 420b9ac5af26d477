// Issue 15, the server-backed parts of the student manual, against the in-memory backend: the
// statuses of manual 5.1 with their descriptions, in English and Japanese.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import ReceiptMethodChanged from "./components/ReceiptMethodChanged.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";
import type { Application, Schema } from "./lib/generated/bindings";

const pending: Application = {
  id: 7, reference_number: "ZR-2026-00000007", temporary_reception_number: "東オソ認T00000007", procedure_id: "extension-of-stay",
  procedure_name_en: "Extension of period of stay", procedure_name_ja: "在留期間更新許可申請", submission_id: "s7",
  status: "pending", revision_request: null, created_at: 1795478400, updated_at: 1795478400,
};

describe("manual: statuses, details and past applications", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
    fake.account.signedIn = "ZR12345678";
  });

  it("shows a Pending application with the manual's description, and what every status means", async () => {
    fake.sent.push(pending);
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(await screen.findByTestId("nav-status"));
    const app = await screen.findByTestId("application");
    expect(within(app).getByTestId("application-status").textContent).toBe("Pending");
    expect(within(app).getByTestId("application-status-description").textContent).toBe("The application is being processed.");
    const legend = screen.getByTestId("status-legend");
    expect(within(legend).getAllByRole("term").map((t) => t.textContent)).toEqual([
      "Pending",
      "Application completed",
      "Under review",
      "Awaiting issuance",
      "In Return Process",
      "Completed",
      "Completed (not permitted)",
    ]);
    expect(legend.textContent).toContain("The examination has been completed. Receive your residence card and certificate.");
    await fireEvent.click(screen.getByTestId("lang-ja"));
    expect((await screen.findByTestId("application-status-description")).textContent).toBe("申請を処理しています。");
  });

  it("says what a change of method of receipt changed, with the number kind and the classification", async () => {
    const choice = (value: string, label_en: string, label_ja: string) => ({ value, label_en, label_ja });
    const field = (id: string, choices: ReturnType<typeof choice>[]) => ({
      id, label_en: id, label_ja: id, kind: "choice" as const, required: true, width: "any" as const, choices, columns: [], recheck_on_reuse: false,
    });
    const receiptSchema = {
      procedure: "change-of-receipt-method", version: 1, title_en: "Change", title_ja: "変更", rules: [],
      sections: [{ id: "change", title_en: "Classification of change", title_ja: "変更区分", fields: [
        field("classification", [choice("method", "Change of the method of receipt (mailing or counter)", "受領方法の変更（郵送・窓口）")]),
        field("number_kind", [choice("temporary_application_number", "Temporary application number", "仮申請番号")]),
        field("method", [choice("counter", "Regional office counter", "地方官署の窓口")]),
        field("office", [choice("fukuoka", "Fukuoka", "福岡出入国在留管理局")]),
      ] }],
    } as unknown as Schema;
    render(ReceiptMethodChanged, {
      receipt: { draft_id: "d9", received_at: "2026-11-24T10:00:00Z", application: { ...pending, status: "application_completed" } },
      schema: receiptSchema,
      form: { change: { classification: "method", number_kind: "temporary_application_number", reception_number: "申請2600000007", method: "counter", office: "fukuoka" } },
      ondone: () => {},
    });
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Method of receipt changed");
    expect(screen.getByTestId("changed-reference").textContent).toBe("ZR-2026-00000007");
    expect(screen.getByText("Temporary application number")).toBeTruthy();
    expect(screen.getByTestId("changed-number").textContent).toBe("申請2600000007");
    expect(screen.getByTestId("changed-classification").textContent).toContain("Change of the method of receipt");
    expect(screen.getByTestId("changed-method").textContent).toBe("Regional office counter (Fukuoka)");
    expect(screen.getByTestId("changed-mailed").textContent).toContain("e-mailed");
  });

  it("shows My page's user details, fills the address form, confirms before a change and opens a favorite", async () => {
    Object.assign(fake.account, { postal_code: "8748577", address: "大分県別府市十文字原1-1", favorites: ["extension-of-stay"] });
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(screen.getByTestId("nav-account"));
    expect((await screen.findByTestId("account-user-type")).textContent).toBe("The foreign national (the student)");
    expect(screen.getByTestId("account-postal").textContent).toBe("8748577");
    expect(screen.getByTestId("account-address").textContent).toBe("大分県別府市十文字原1-1");
    // The form starts with what the account has.
    expect((screen.getByTestId("my-postal") as HTMLInputElement).value).toBe("8748577");
    expect((screen.getByTestId("my-address") as HTMLInputElement).value).toBe("大分県別府市十文字原1-1");
    await fireEvent.input(screen.getByTestId("my-address"), { target: { value: "大分県別府市十文字原2-2" } });
    await fireEvent.click(screen.getByTestId("my-review"));
    // Nothing changes before "Change" on the confirmation.
    expect((await screen.findByTestId("my-confirm-address")).textContent).toBe("大分県別府市十文字原2-2");
    expect(fake.calls.some((c) => c.startsWith("profile:"))).toBe(false);
    await fireEvent.click(screen.getByTestId("my-change"));
    await waitFor(() => expect(fake.calls).toContain("profile:8748577:大分県別府市十文字原2-2"));
    await waitFor(() => expect(screen.getByTestId("account-address").textContent).toBe("大分県別府市十文字原2-2"));
    // A favorite opens its procedure (its explanation and terms).
    await fireEvent.click(await screen.findByTestId("my-favorite-open"));
    await screen.findByTestId("terms");
  });

  it("searches and sorts the list, and shows an application's details with history, files and form", async () => {
    fake.sent.push(
      { ...pending, id: 8, reference_number: "ZR-2026-00000008", temporary_reception_number: "東オソ認T00000008", status: "under_review", created_at: 1795478400, updated_at: 1795478500 },
      { ...pending, id: 9, reference_number: "ZR-2026-00000009", temporary_reception_number: "東オソ認T00000009", status: "completed", created_at: 1795400000, updated_at: 1795478500 },
    );
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(screen.getByTestId("nav-status"));
    await screen.findAllByTestId("application");
    const refs = () => screen.getAllByTestId("application").map((li) => li.textContent?.match(/ZR-2026-\d+/)?.[0]);
    expect(refs()).toEqual(["ZR-2026-00000008", "ZR-2026-00000009"]);
    await fireEvent.change(screen.getByTestId("status-sort"), { target: { value: "oldest" } });
    await waitFor(() => expect(refs()).toEqual(["ZR-2026-00000009", "ZR-2026-00000008"]));
    await fireEvent.input(screen.getByTestId("status-search"), { target: { value: "T00000008" } });
    await waitFor(() => expect(refs()).toEqual(["ZR-2026-00000008"]));

    await fireEvent.click(screen.getByTestId("status-details"));
    const details = await screen.findByTestId("application-details");
    await waitFor(() => expect(within(details).getByTestId("details-reference").textContent).toBe("ZR-2026-00000008"));
    expect(within(details).getByTestId("details-related").textContent).toContain("東オソ認T00000008");
    expect(within(details).getByTestId("details-related").textContent).toContain("NGUYEN THI LAN");
    expect(within(details).getByTestId("details-status").textContent).toContain("The application details are being examined.");
    expect(within(details).getByTestId("details-history").textContent).toContain("Application completed");
    expect(within(details).getByTestId("details-files").textContent).toContain("transcript.pdf");
    await waitFor(() => expect(within(details).getByTestId("details-form").textContent).toContain("大分県別府市十文字原1-1"));
    await fireEvent.click(within(details).getAllByTestId("details-download")[1]);
    expect((await within(details).findByTestId("details-saved")).textContent).toContain("/tmp/zairyu/downloads/8/bbbb");
  });

  it("changes a returned application from the server's copy, and reuses a past one found by its number", async () => {
    fake.sent.push({ ...pending, id: 4, status: "in_return_process", revision_request: "Attach a clearer photo" });
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(screen.getByTestId("nav-status"));
    // No receipt on this computer: the change starts from the version the server keeps.
    await fireEvent.click(await screen.findByTestId("status-revise-server"));
    await screen.findByTestId("draft-form");
    expect(fake.calls).toContain("revise-server:4");

    await fireEvent.click(screen.getByTestId("nav-status"));
    await screen.findByTestId("past-applications");
    await fireEvent.input(screen.getByTestId("past-date"), { target: { value: "2026" } });
    await fireEvent.click(screen.getByTestId("past-search"));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("8 digits"));
    await fireEvent.input(screen.getByTestId("past-date"), { target: { value: "" } });
    await fireEvent.input(screen.getByTestId("past-related"), { target: { value: "T00000007" } });
    await fireEvent.click(screen.getByTestId("past-search"));
    expect((await screen.findAllByTestId("past-item")).length).toBe(1);
    await fireEvent.click(screen.getByTestId("past-choice"));
    await screen.findByTestId("draft-form");
    expect(fake.calls).toContain("reuse-server:4");
  });
});
