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
});
