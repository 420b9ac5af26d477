// Starting an application and filling its form, against the in-memory backend: search,
// terms, labels in both languages, autosave of each change, conditions, postal fill.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

describe("a new application", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    fake = memoryBackend();
    useBackend(fake.api);
  });

  async function openForm() {
    render(App);
    await fireEvent.click(await screen.findByTestId("new-application"));
    const search = await screen.findByTestId("procedure-search");
    await fireEvent.input(search, { target: { value: "extension" } });
    await fireEvent.click(screen.getByTestId("synonyms"));
    await fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(fake.calls).toContain("search:extension:true"));
    await waitFor(() => expect(screen.queryByTestId("procedure-institution-notification")).toBeNull());
    const item = screen.getByTestId("procedure-extension-of-stay");
    await fireEvent.click(within(item).getByRole("button", { name: "Choose" }));
    await fireEvent.click(await screen.findByTestId("agree"));
    await screen.findByTestId("draft-form");
  }

  it("shows the form in Vietnamese, each translated label with the official Japanese term beside it", async () => {
    await openForm();
    await fireEvent.click(screen.getByTestId("lang-vi"));
    const postal = screen.getByTestId("field-applicant.postal_code");
    await waitFor(() => expect(postal.querySelector("label .en")?.textContent).toBe("8 Mã bưu chính"));
    const official = postal.querySelector('label [lang="ja"]');
    expect(official?.textContent).toBe("8 郵便番号");
    expect(postal.textContent).not.toContain("8 Postal code");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Đơn xin gia hạn thời hạn lưu trú (Du học)");
    const legend = screen.getByText("23 Làm thêm", { exact: false });
    expect(legend.tagName).toBe("LEGEND");
    expect(legend.querySelector('[lang="ja"]')?.textContent).toBe("23 資格外活動の有無");
    const partTime = screen.getByTestId("field-work.part_time");
    expect([...partTime.querySelectorAll("option")].map((o) => o.textContent)).toContain("Có / 有");
    expect(screen.getByTestId("field-attachments.proof_of_funds").textContent).toContain("Một trong các giấy tờ sau.");
    // A shipped list the catalogues do not translate (the offices) keeps English beside Japanese.
    const offices = [...screen.getByTestId("field-receipt.office").querySelectorAll("option")].map((o) => o.textContent);
    expect(offices).toContain("Sapporo Regional Immigration Services Bureau / 札幌出入国在留管理局");

    await fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(postal.querySelector("label .en")?.textContent).toBe("8 Postal code"));
    expect(postal.querySelector('label [lang="ja"]')?.textContent).toBe("8 郵便番号");
  });

  it("goes from the procedure list through the terms to the form", async () => {
    await openForm();
    expect(fake.calls).toContain("create:extension-of-stay");
    const postal = screen.getByTestId("field-applicant.postal_code");
    expect(postal.textContent).toContain("8 Postal code");
    expect(postal.textContent).toContain("8 郵便番号");
    expect(screen.getByTestId("draft-summary").textContent).toContain("3 thing(s) to fix");
  });

  it("saves each change and shows a field only when its condition holds", async () => {
    await openForm();
    expect(screen.queryByTestId("field-work.weekly_hours")).toBeNull();
    const choice = within(screen.getByTestId("field-work.part_time")).getByRole("combobox");
    await fireEvent.change(choice, { target: { value: "yes" } });
    await waitFor(() => expect(fake.calls).toContain("set:work.part_time=yes"));
    await screen.findByTestId("field-work.weekly_hours");
    expect(screen.getByTestId("save-status").textContent).toContain("version 2");
  });

  it("lists the receiving offices under their regional bureau, branch offices included", async () => {
    await openForm();
    const select = within(screen.getByTestId("field-receipt.office")).getByRole("combobox");
    const groups = Array.from(select.querySelectorAll("optgroup")).map((g) => g.getAttribute("label"));
    expect(groups).toEqual(["Fukuoka Regional Immigration Services Bureau", "Sapporo Regional Immigration Services Bureau"]);
    const oita = within(select).getByRole("option", { name: /Oita District Office/ });
    expect(oita.parentElement?.tagName).toBe("OPTGROUP");
    expect(oita.textContent).toContain("福岡出入国在留管理局 大分出張所");
    await fireEvent.change(select, { target: { value: "fukuoka-oita" } });
    await waitFor(() => expect(fake.calls).toContain("set:receipt.office=fukuoka-oita"));
  });

  it("offers the address of a postal code and fills it on request", async () => {
    await openForm();
    const input = within(screen.getByTestId("field-applicant.postal_code")).getByRole("textbox");
    await fireEvent.change(input, { target: { value: "874-8577" } });
    const fill = await screen.findByRole("button", { name: "Fill the address: 大分県別府市十文字原" });
    await fireEvent.click(fill);
    await waitFor(() => expect(fake.calls).toContain("set:applicant.address=大分県別府市十文字原"));
  });

  it("fills the card's fields after one PIN entry", async () => {
    fake.card.inserted = true;
    await openForm();
    await fireEvent.click(screen.getByTestId("fill-from-card"));
    await fireEvent.input(await screen.findByTestId("pin-input"), { target: { value: "1234" } });
    await fireEvent.click(screen.getByTestId("pin-ok"));
    await waitFor(() => expect(fake.calls).toContain("fill-from-card"));
    expect(fake.calls.filter((c) => c === "pin:text")).toHaveLength(1);
    expect(screen.queryByTestId("pin-dialog")).toBeNull();
  });

  it("lists the draft on the home screen afterwards", async () => {
    await openForm();
    await fireEvent.click(screen.getByRole("button", { name: "Back" }));
    const row = await screen.findByTestId("draft-row");
    expect(row.textContent).toContain("Application for extension of period of stay (Student)");
    expect(row.textContent).toContain("to fix");
  });

  it("does not offer to sign a filed draft again: it offers a new application from it", async () => {
    fake.state.created = true;
    fake.state.submitted = { at: "2026-11-20T01:00:00Z", reference_number: "ZR-2026-00000001" };
    render(App);
    const row = await screen.findByTestId("draft-row");
    expect(row.textContent).toContain("Submitted");
    await fireEvent.click(within(row).getByRole("button", { name: "Open" }));
    const filed = await screen.findByTestId("draft-filed");
    expect(filed.textContent).toContain("ZR-2026-00000001");
    expect(screen.queryByTestId("draft-review")).toBeNull();
    await fireEvent.click(within(filed).getByRole("button", { name: "Start a new application from this one" }));
    await waitFor(() => expect(fake.calls).toContain("reuse:d1"));
    expect(fake.calls.some((c) => c.startsWith("submit:"))).toBe(false);
  });

  it("leads the usage application of the procedure list to the usage application screen, never a draft", async () => {
    fake.account.signedIn = "ZR12345678";
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(await screen.findByTestId("new-application"));
    await fireEvent.input(await screen.findByTestId("procedure-search"), { target: { value: "usage" } });
    await fireEvent.click(screen.getByRole("button", { name: "Search" }));
    const item = await screen.findByTestId("procedure-usage-application");
    await fireEvent.click(within(item).getByRole("button", { name: "Choose" }));
    await fireEvent.click(await screen.findByTestId("agree"));
    await screen.findByTestId("usage-page");
    expect(screen.getByTestId("field-user.postal_code")).toBeTruthy();
    expect(fake.calls.some((c) => c.startsWith("create:"))).toBe(false);
  });

  it("shows the manual's confirmation wording before signing (4.2.9), in both languages", async () => {
    fake.state.created = true;
    fake.state.form = { applicant: { postal_code: "8748577", address: "大分県別府市十文字原" }, work: { part_time: "no" } };
    render(App);
    const row = await screen.findByTestId("draft-row");
    await fireEvent.click(within(row).getByRole("button", { name: "Open" }));
    await fireEvent.click(await screen.findByTestId("draft-review"));
    const text = await screen.findByTestId("review-confirm-text");
    expect(text.textContent).toContain("The application is not yet complete. If the following information is correct");
    await fireEvent.click(screen.getByTestId("lang-ja"));
    await waitFor(() => expect(screen.getByTestId("review-confirm-text").textContent).toContain("申請はまだ完了していません"));
  });

  it("reviews the form in Vietnamese, each label with its official Japanese term", async () => {
    fake.state.created = true;
    fake.state.form = { applicant: { postal_code: "8748577", address: "大分県別府市十文字原" }, work: { part_time: "no" } };
    render(App);
    const row = await screen.findByTestId("draft-row");
    await fireEvent.click(within(row).getByRole("button", { name: "Open" }));
    await fireEvent.click(await screen.findByTestId("draft-review"));
    await screen.findByTestId("review-page");
    await fireEvent.click(screen.getByTestId("lang-vi"));
    const term = await screen.findByText("8 Mã bưu chính");
    expect(term.tagName).toBe("DT");
    expect(term.querySelector('[lang="ja"]')?.textContent).toBe("8 郵便番号");
    // A choice's value: the translation with the Japanese term.
    expect(screen.getByTestId("review-page").textContent).toContain("Không（無）");
  });

  it("shows every document item's hint, item 7 the manual's explanation (bankbook, remittance)", async () => {
    await openForm();
    const item7 = screen.getByTestId("field-attachments.proof_of_funds");
    expect(item7.textContent).toContain("bankbook showing deposits for the past year");
    expect(item7.textContent).toContain("remittance certificate");
  });
});
