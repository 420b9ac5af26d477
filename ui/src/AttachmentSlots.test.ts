// The files of a document item (issue 15 item 9, manual 4.2.8), against the in-memory backend:
// several files listed with size and pages, added, moved, removed with undo, merged and
// shrunk with before/after, the application's running total, the limits, and a drop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

const slot = "attachments.proof_of_funds";

function pdf(name: string, size: number) {
  const made = new File([new Uint8Array(size)], name, { type: "application/pdf" });
  // jsdom's File has no arrayBuffer(); the web view's has.
  Object.defineProperty(made, "arrayBuffer", { value: async () => new Uint8Array(size).buffer });
  return made;
}

describe("the files of a document item", () => {
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
    await fireEvent.click(screen.getByRole("button", { name: "Search" }));
    const item = await screen.findByTestId("procedure-extension-of-stay");
    await fireEvent.click(within(item).getByRole("button", { name: "Choose" }));
    await fireEvent.click(await screen.findByTestId("agree"));
    await screen.findByTestId("draft-form");
  }
  const names = () => screen.queryAllByTestId("slot-file").map((li) => li.querySelector(".name")?.textContent);

  it("adds files one after another, lists name, size and pages, and counts the application's total", async () => {
    fake.state.attachments = [{ slot, file: "attachments/bank-1.pdf", sha256: "a", bytes: 1_000_000, pages: 1 }];
    await openForm();
    expect(names()).toEqual(["bank-1.pdf"]);
    expect(screen.getByTestId("files-total").textContent).toContain("1 of 20 files, 1.0 of 25.0 MB");
    await fireEvent.change(screen.getByTestId(`add-file-${slot}`), { target: { files: [pdf("bank-2.pdf", 500_000)] } });
    await waitFor(() => expect(names()).toEqual(["bank-1.pdf", "bank-2.pdf"]));
    expect(fake.calls).toContain(`add-file:${slot}:bank-2.pdf`);
    expect(screen.getAllByTestId("slot-file")[1].textContent).toContain("0.50 MB, 1 page(s)");
    expect(screen.getByTestId("files-total").textContent).toContain("2 of 20 files, 1.5 of 25.0 MB");
    // The same name again is kept apart.
    await fireEvent.change(screen.getByTestId(`add-file-${slot}`), { target: { files: [pdf("bank-2.pdf", 100)] } });
    await waitFor(() => expect(names()).toEqual(["bank-1.pdf", "bank-2.pdf", "bank-2-2.pdf"]));

    await fireEvent.click(screen.getByTestId("lang-ja"));
    await waitFor(() => expect(screen.getByTestId("files-total").textContent).toContain("ファイル 3 / 20 件、1.5 / 25.0 MB"));
    expect(screen.getByRole("button", { name: "bank-1.pdfを削除" })).toBeTruthy();
  });

  it("moves a file up and down with labelled buttons; the first cannot go up", async () => {
    fake.state.attachments = [
      { slot, file: "attachments/jan.pdf", sha256: "a", bytes: 100, pages: 1 },
      { slot, file: "attachments/feb.pdf", sha256: "b", bytes: 100, pages: 2 },
    ];
    await openForm();
    const up = screen.getByRole("button", { name: "Move jan.pdf up" }) as HTMLButtonElement;
    expect(up.disabled).toBe(true);
    await fireEvent.click(screen.getByRole("button", { name: "Move feb.pdf up" }));
    await waitFor(() => expect(names()).toEqual(["feb.pdf", "jan.pdf"]));
    await fireEvent.click(screen.getByRole("button", { name: "Move feb.pdf down" }));
    await waitFor(() => expect(names()).toEqual(["jan.pdf", "feb.pdf"]));
    expect(fake.calls).toEqual(expect.arrayContaining([`move-file:${slot}:attachments/feb.pdf:up`, `move-file:${slot}:attachments/feb.pdf:down`]));
  });

  it("removes a file with an Undo that brings it back in its place, until the next change", async () => {
    fake.state.attachments = [
      { slot, file: "attachments/jan.pdf", sha256: "a", bytes: 100, pages: 1 },
      { slot, file: "attachments/feb.pdf", sha256: "b", bytes: 100, pages: 1 },
      { slot, file: "attachments/mar.pdf", sha256: "c", bytes: 100, pages: 1 },
    ];
    await openForm();
    await fireEvent.click(screen.getByRole("button", { name: "Remove feb.pdf" }));
    await waitFor(() => expect(names()).toEqual(["jan.pdf", "mar.pdf"]));
    expect(screen.getByTestId("file-removed").textContent).toContain("Removed feb.pdf.");
    await fireEvent.click(screen.getByTestId("undo-remove"));
    await waitFor(() => expect(names()).toEqual(["jan.pdf", "feb.pdf", "mar.pdf"]));
    expect(screen.queryByTestId("file-removed")).toBeNull();

    await fireEvent.click(screen.getByRole("button", { name: "Remove jan.pdf" }));
    await waitFor(() => expect(screen.getByTestId("file-removed")).toBeTruthy());
    await fireEvent.click(screen.getByRole("button", { name: "Move mar.pdf up" }));
    await waitFor(() => expect(screen.queryByTestId("file-removed")).toBeNull());
  });

  it("merges the PDFs into one and shrinks a scan, saying size and pages before and after", async () => {
    fake.state.attachments = [
      { slot, file: "attachments/part1.pdf", sha256: "a", bytes: 1_000_000, pages: 2 },
      { slot, file: "attachments/part2.pdf", sha256: "b", bytes: 500_000, pages: 1 },
    ];
    await openForm();
    await fireEvent.click(screen.getByRole("button", { name: "Merge these PDFs into one" }));
    const change = await screen.findByTestId(`change-${slot}`);
    expect(change.textContent).toContain("Before: 1.50 MB, 3 page(s) → now: 1.50 MB, 3 page(s)");
    await waitFor(() => expect(names()).toEqual(["part1.pdf"]));
    expect(screen.queryByRole("button", { name: "Merge these PDFs into one" })).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Shrink part1.pdf (make the scan smaller)" }));
    await waitFor(() => expect(screen.getByTestId(`change-${slot}`).textContent).toContain("→ now: 0.75 MB, 3 page(s)"));
    expect(fake.calls).toEqual(expect.arrayContaining([`merge:${slot}`, `shrink:${slot}:attachments/part1.pdf`]));
  });

  it("refuses the 21st file with a message that says how to fix it", async () => {
    fake.state.attachments = Array.from({ length: 20 }, (_, i) => ({ slot, file: `attachments/p${i}.pdf`, sha256: `s${i}`, bytes: 10, pages: 1 }));
    await openForm();
    expect(screen.getByTestId("files-total").textContent).toContain("20 of 20 files");
    await fireEvent.change(screen.getByTestId(`add-file-${slot}`), { target: { files: [pdf("one-more.pdf", 10)] } });
    await waitFor(() => expect(document.body.textContent).toContain("at most 20 files, the photo included. Remove a file, or merge"));
    expect(names()).toHaveLength(20);
  });

  it("takes a file dropped on the document item", async () => {
    await openForm();
    const zone = document.querySelector(`[data-slot="${slot}"]`) as HTMLElement;
    await fireEvent.drop(zone, { dataTransfer: { files: [pdf("dropped.pdf", 2_000)] } });
    await waitFor(() => expect(names()).toEqual(["dropped.pdf"]));
    expect(fake.calls).toContain(`add-file:${slot}:dropped.pdf`);
  });
});
