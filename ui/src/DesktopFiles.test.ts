// desktop-io: the native save/open dialogs, "Show in folder", the PDF copy of a filed
// application, and a submission's upload progress with Cancel, against the in-memory backend
// (its native dialogs answer as the desktop's would).
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { draftFileName, filedCopyFileName, today } from "./lib/file-names";
import { memoryBackend } from "./test/memory-backend";

describe("files and uploads on the desktop", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);

  function start(nativeFiles: boolean) {
    window.scrollTo = () => {};
    fake = memoryBackend({ nativeFiles });
    useBackend(fake.api);
    render(App);
  }

  async function openForm() {
    await fireEvent.click(await screen.findByTestId("new-application"));
    const item = await screen.findByTestId("procedure-extension-of-stay");
    await fireEvent.click(within(item).getByRole("button", { name: "Choose" }));
    await fireEvent.click(await screen.findByTestId("agree"));
    await screen.findByTestId("draft-form");
  }

  it("names the files it offers to save by what they are and the day", () => {
    const day = new Date(2026, 11, 1);
    expect(today(day)).toBe("2026-12-01");
    expect(draftFileName("extension-of-stay", day)).toBe("zairyu-draft-extension-of-stay-2026-12-01.zairyu");
    expect(filedCopyFileName("ZR-2026/0008", day)).toBe("zairyu-application-ZR-2026-0008-2026-12-01.pdf");
  });

  it("exports a draft through the save dialog, then shows the file in its folder", async () => {
    start(true);
    await openForm();
    await fireEvent.click(screen.getByRole("button", { name: "Save as a file for another computer" }));
    const saved = await screen.findByTestId("draft-exported");
    const name = `zairyu-draft-extension-of-stay-${today()}.zairyu`;
    expect(fake.dialogs.saveNames).toEqual([name]);
    expect(fake.calls).toContain(`export-to:/home/lan/Documents/${name}`);
    expect(saved.textContent).toContain(`/home/lan/Documents/${name}`);
    await fireEvent.click(within(saved).getByTestId("draft-exported-reveal"));
    expect(fake.dialogs.revealed).toEqual([`/home/lan/Documents/${name}`]);
  });

  it("keeps the old export without native dialogs (browser), with no Show in folder", async () => {
    start(false);
    await openForm();
    await fireEvent.click(screen.getByRole("button", { name: "Save as a file for another computer" }));
    const saved = await screen.findByTestId("draft-exported");
    expect(saved.textContent).toContain("/tmp/zairyu/exports/d1.zairyu");
    expect(within(saved).queryByTestId("draft-exported-reveal")).toBeNull();
    expect(screen.queryByTestId("import-draft-native")).toBeNull();
  });

  it("opens a draft bundle through the open dialog beside the HTML picker", async () => {
    start(true);
    fake.dialogs.openAnswer = ["/home/lan/Downloads/from-a-friend.zairyu"];
    await fireEvent.click(await screen.findByTestId("import-draft-native"));
    await screen.findByTestId("draft-form");
    expect(fake.calls).toContain("import-from:/home/lan/Downloads/from-a-friend.zairyu");
    expect(screen.queryByTestId("import-draft")).toBeNull(); // the form replaced the home screen
  });

  it("shows a submission's progress in MB and cancels it", async () => {
    start(true);
    await screen.findByTestId("applications");
    fake.uploading({ submission_id: "s1", sent: 12_300_000, total: 24_900_000 });
    const bar = await screen.findByTestId("upload-progress");
    expect(within(bar).getByTestId("upload-progress-text").textContent).toBe("Sending: 12.3 of 24.9 MB");
    expect((bar.querySelector("progress") as HTMLProgressElement).value).toBe(12_300_000);
    await fireEvent.click(within(bar).getByTestId("upload-cancel"));
    expect(fake.calls).toContain("cancel-upload");
    await waitFor(() => expect(screen.queryByTestId("upload-progress")).toBeNull());
    // A finished upload takes the bar away too.
    fake.uploading({ submission_id: "s2", sent: 1, total: 2 });
    await screen.findByTestId("upload-progress");
    fake.uploading({ submission_id: "s2", sent: 2, total: 2 });
    await waitFor(() => expect(screen.queryByTestId("upload-progress")).toBeNull());
  });

  it("saves a copy of a filed application from its details through the save dialog", async () => {
    start(true);
    fake.account.signedIn = "ZR12345678";
    fake.sent.push({
      id: 8, reference_number: "ZR-2026-00000008", temporary_reception_number: "T8", procedure_id: "extension-of-stay",
      procedure_name_en: "Extension of period of stay", procedure_name_ja: "在留期間更新許可申請", submission_id: "s8",
      status: "under_review", revision_request: null, created_at: 1795478400, updated_at: 1795478500,
    });
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR12345678"));
    await fireEvent.click(screen.getByTestId("nav-status"));
    await fireEvent.click(await screen.findByTestId("status-details"));
    const details = await screen.findByTestId("application-details");
    await fireEvent.click(await within(details).findByTestId("save-filed-copy"));
    const name = `zairyu-application-ZR-2026-00000008-${today()}.pdf`;
    expect((await within(details).findByTestId("copy-saved")).textContent).toContain(`/home/lan/Documents/${name}`);
    expect(fake.calls).toContain(`filed-copy:8:/home/lan/Documents/${name}`);
  });
});
