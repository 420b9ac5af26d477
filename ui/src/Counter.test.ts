// counter-app: the counter PC against the in-memory backend: the mode in Settings, a visit
// started and ended (receipts offered, unsent applications asked about, the web storage
// cleared), the idle end with its countdown, and the PIN dialog alone on screen.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { pinOnly } from "./lib/pin-only";
import { clearWebStorage } from "./lib/web-storage";
import { memoryBackend } from "./test/memory-backend";

describe("counter PC", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
  });

  it("is chosen in Settings; then drafts exist only inside a visit", async () => {
    fake.account.signedIn = "ZR00000009";
    render(App);
    await waitFor(() => expect(screen.getByTestId("who").textContent).toContain("ZR00000009"));
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    const mode = await screen.findByTestId("counter-mode");
    expect(screen.queryByTestId("visit-bar")).toBeNull();
    await fireEvent.click(mode);
    await waitFor(() => expect(fake.calls).toContain("counter:true"));
    await screen.findByTestId("visit-bar");
    // The mode change ended the session: the window says so at once.
    await waitFor(() => expect(screen.getByTestId("who").textContent).not.toContain("ZR00000009"));
    await fireEvent.click(screen.getByTestId("nav-home"));
    expect((await screen.findByTestId("counter-need-visit")).textContent).toContain("Start a visit first");
    expect(screen.queryByTestId("applications")).toBeNull();
    expect(screen.getByTestId("visit-staff").textContent).toContain("No staff member");
  });

  it("ends a visit: receipts offered, unsent applications asked about, storage cleared", async () => {
    fake.counter.on = true;
    fake.account.signedIn = "ZR00000007";
    render(App);
    expect((await screen.findByTestId("visit-staff")).textContent).toContain("ZR00000007");
    await fireEvent.click(screen.getByTestId("visit-start"));
    await screen.findByTestId("visit-open");
    expect(fake.calls).toContain("visit:start");
    await screen.findByTestId("applications");
    localStorage.setItem("zairyu-status-seen", '{"1":"received"}');
    fake.counter.unsent = 1;
    fake.counter.files = 7;

    await fireEvent.click(screen.getByTestId("visit-end"));
    await screen.findByTestId("end-visit");
    await fireEvent.click(screen.getByTestId("end-visit-confirm"));
    expect((await screen.findByTestId("end-visit-unsent")).textContent).toContain("1 signed application");
    expect(fake.calls).not.toContain("visit:end:false");
    await fireEvent.click(screen.getByTestId("end-visit-discard"));
    await waitFor(() => expect(fake.calls).toContain("visit:end:true"));
    await waitFor(() => expect(fake.counter.webStorageCleared).toBe(1));
    expect(localStorage.getItem("zairyu-status-seen")).toBeNull();
    await waitFor(() => expect(window.location.hash).toBe("#visit-ended=7"));
  });

  it("files for a linked student chosen in the visit; students without a bound card cannot be chosen", async () => {
    fake.counter.on = true;
    fake.account.signedIn = "ZR00000007";
    fake.students.push(
      { user_id: "ZR00000011", name_en: "NGUYEN THI LAN", usage_application_done: true, linked_at: 1_767_225_600 },
      { user_id: "ZR00000012", name_en: "TRAN VAN BINH", usage_application_done: false, linked_at: 1_767_225_600 },
    );
    render(App);
    await fireEvent.click(await screen.findByTestId("visit-start"));
    const select = (await screen.findByTestId("visit-applicant-select")) as HTMLSelectElement;
    const options = [...select.options];
    expect(options.map((o) => o.value)).toEqual(["", "ZR00000011", "ZR00000012"]);
    expect(options[2].disabled).toBe(true);
    expect(options[2].textContent).toContain("usage application not done");
    select.value = "ZR00000011";
    await fireEvent.change(select);
    await waitFor(() => expect(fake.calls).toContain("visit:for:ZR00000011"));
    expect((await screen.findByTestId("visit-applicant-note")).textContent).toContain("filed for NGUYEN THI LAN");
    select.value = "";
    await fireEvent.change(select);
    await waitFor(() => expect(screen.queryByTestId("visit-applicant-note")).toBeNull());
    expect(fake.calls.filter((c) => c === "linked-students")).toHaveLength(1);
  });

  it("sends unsent applications on request before the end", async () => {
    fake.counter.on = true;
    fake.counter.open = true;
    fake.counter.unsent = 2;
    render(App);
    await fireEvent.click(await screen.findByTestId("visit-end"));
    await fireEvent.click(await screen.findByTestId("end-visit-confirm"));
    expect((await screen.findByTestId("end-visit-unsent")).textContent).toContain("2 signed");
    await fireEvent.click(screen.getByTestId("end-visit-send"));
    await waitFor(() => expect(fake.calls).toContain("visit:end:false"));
    expect(fake.calls).toContain("send-queued");
  });

  it("asks at the start about a visit left open; sending needs the one who signed them", async () => {
    fake.counter.on = true;
    fake.counter.leftover = 3;
    render(App);
    const panel = await screen.findByTestId("leftover-visit");
    expect(screen.getByTestId("leftover-unsent").textContent).toContain("3 signed application(s) of it were never sent");
    await waitFor(() => expect(document.activeElement?.id).toBe("leftover-title"));
    // No visit starts before the answer.
    expect((screen.getByTestId("visit-start") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId("leftover-send")).toBeNull();
    await fireEvent.click(screen.getByTestId("leftover-sign-in"));
    await screen.findByTestId("account-page");
    expect(panel.isConnected).toBe(true);
  });

  it("sends what the signed-in account signed, then discards the rest: nothing left", async () => {
    fake.counter.on = true;
    fake.counter.leftover = 3;
    fake.counter.leftoverSendable = 2;
    fake.account.signedIn = "ZR00000007";
    render(App);
    await fireEvent.click(await screen.findByTestId("leftover-send"));
    await waitFor(() => expect(fake.calls).toContain("leftover:send"));
    expect((await screen.findByTestId("leftover-filed")).textContent).toContain("ZR-2026-00000900, ZR-2026-00000901");
    await waitFor(() => expect(screen.getByTestId("leftover-unsent").textContent).toContain("1 signed application(s) are still not sent"));
    await fireEvent.click(screen.getByTestId("leftover-discard"));
    await waitFor(() => expect(fake.calls).toContain("leftover:discard"));
    expect((await screen.findByTestId("leftover-done")).textContent).toContain("1 unsent application(s) discarded");
    await waitFor(() => expect((screen.getByTestId("visit-start") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("leftover-dismiss"));
    expect(screen.queryByTestId("leftover-visit")).toBeNull();
  });

  it("says in Japanese how many were left unsent", async () => {
    fake.counter.on = true;
    fake.counter.leftover = 2;
    fake.state.language = "ja";
    render(App);
    expect((await screen.findByTestId("leftover-unsent")).textContent).toContain("2件が送信されていません");
  });

  it("keeps the keyboard in the end-of-visit dialog; Escape gives the focus back", async () => {
    fake.counter.on = true;
    fake.counter.open = true;
    render(App);
    await fireEvent.click(await screen.findByTestId("visit-end"));
    const dialog = await screen.findByTestId("end-visit");
    // The rest of the window is inert while it is open.
    expect(document.querySelector("nav")!.hasAttribute("inert")).toBe(true);
    expect(document.querySelector("main")!.hasAttribute("inert")).toBe(true);
    const confirm = screen.getByTestId("end-visit-confirm");
    confirm.focus();
    await fireEvent.keyDown(confirm, { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByTestId("end-visit-cancel"));
    await fireEvent.keyDown(document.activeElement!, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    await fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("end-visit")).toBeNull());
    expect(document.querySelector("nav")!.hasAttribute("inert")).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("visit-end")));
  });

  it("warns in the last minute and ends an idle visit by itself", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fake.counter.on = true;
    fake.counter.open = true;
    fake.counter.idleMinutes = 2;
    render(App);
    await screen.findByTestId("visit-open");
    expect(screen.queryByTestId("visit-idle-warning")).toBeNull();
    await vi.advanceTimersByTimeAsync(61_000);
    expect((await screen.findByTestId("visit-idle-warning")).textContent).toMatch(/ends by itself in \d+ seconds/);
    // Any key or click keeps it open.
    await fireEvent.click(screen.getByTestId("visit-still-here"));
    await waitFor(() => expect(screen.queryByTestId("visit-idle-warning")).toBeNull());
    await vi.advanceTimersByTimeAsync(121_000);
    await waitFor(() => expect(fake.calls).toContain("visit:end:false"));
  });

  it("the PIN dialog is the only thing on screen: the rest is hidden, then shown again", () => {
    document.body.innerHTML =
      '<div id="app"><header>NGUYEN THI LAN</header><main><p>AB12345678CD</p><div id="dlg">PIN</div></main></div><footer>x</footer>';
    const dialog = document.getElementById("dlg")!;
    const action = pinOnly(dialog);
    expect(document.querySelector("header")!.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>("main p")!.hasAttribute("hidden")).toBe(true);
    expect(document.querySelector("footer")!.hidden).toBe(true);
    expect(dialog.hidden).toBe(false);
    // The text a screen would draw: every text node outside a hidden element.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const shown: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest("[hidden]")) shown.push(n.textContent ?? "");
    }
    expect(shown.join(" ")).toBe("PIN");
    action.destroy();
    expect(document.querySelector("header")!.hidden).toBe(false);
    expect(document.querySelector<HTMLElement>("main p")!.hidden).toBe(false);
  });

  it("clears local and session storage but keeps ui-serve's page token", async () => {
    localStorage.setItem("a", "1");
    sessionStorage.setItem("b", "2");
    sessionStorage.setItem("zairyu-ui-token", "t");
    await clearWebStorage();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.getItem("b")).toBeNull();
    expect(sessionStorage.getItem("zairyu-ui-token")).toBe("t");
  });
});

describe("advisor's board", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
    fake.account.signedIn = "ZR00000009";
    fake.account.userType = "organisation_staff";
    // 500 applications of linked students, most urgent first as the server sorts them.
    for (let i = 0; i < 500; i++) {
      const returned = i === 0;
      fake.board.push({
        student_user_id: `ZR1${String(i).padStart(7, "0")}`,
        student_name: returned ? "NGUYEN THI LAN" : `STUDENT ${i}`,
        application_id: returned ? 41 : 1000 + i,
        reference_number: `ZR-2026-${String(i).padStart(8, "0")}`,
        procedure_id: "extension-of-stay",
        procedure_name_en: "Application for extension of period of stay",
        procedure_name_ja: "在留期間更新許可申請",
        status: returned ? "in_return_process" : "under_review",
        revision_request: returned ? "Write the desired period as 1年." : undefined,
        last_change: 1_767_225_600 - i * 3600,
        next_actor: returned ? "student" : "agency",
        urgency: returned ? "returned_for_changes" : "none",
      });
    }
    fake.sent.push({
      id: 41, reference_number: "ZR-2026-00000000", temporary_reception_number: "東オソ認T00000041", procedure_id: "extension-of-stay",
      procedure_name_en: "Application for extension of period of stay", procedure_name_ja: "在留期間更新許可申請",
      status: "in_return_process", revision_request: "Write the desired period as 1年.", created_at: 1_767_225_000, updated_at: 1_767_225_600,
    } as never);
  });

  it("lists 500 applications a page at a time, searches, filters and opens one", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-board"));
    await screen.findByTestId("board-table");
    expect(screen.getByTestId("board-total").textContent).toContain("500");
    expect(screen.getAllByTestId("board-row")).toHaveLength(50);
    expect(screen.getByTestId("board-page-of").textContent).toBe("Page 1 of 10");
    // The server's order is kept: the returned application first.
    const first = screen.getAllByTestId("board-row")[0];
    expect(first.textContent).toContain("NGUYEN THI LAN");
    expect(first.textContent).toContain("Returned for changes");
    expect(first.textContent).toContain("Student");
    await fireEvent.click(screen.getByTestId("board-next"));
    await waitFor(() => expect(screen.getByTestId("board-page-of").textContent).toBe("Page 2 of 10"));
    expect(screen.getAllByTestId("board-row")[0].textContent).toContain("STUDENT 50");

    await fireEvent.input(screen.getByTestId("board-search"), { target: { value: "zr-2026-00000049" } });
    await fireEvent.click(screen.getByTestId("board-find"));
    await waitFor(() => expect(screen.getByTestId("board-total").textContent).toBe("1 row(s)"));
    expect(screen.getByTestId("board-row").textContent).toContain("STUDENT 49");
    expect(fake.calls).toContain("board:1:zr-2026-00000049:");

    await fireEvent.input(screen.getByTestId("board-search"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("board-status"), { target: { value: "in_return_process" } });
    await fireEvent.click(screen.getByTestId("board-find"));
    await waitFor(() => expect(screen.getAllByTestId("board-row")).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("board-open"));
    expect((await screen.findByTestId("board-revision-request")).textContent).toContain("1年");
    await screen.findByTestId("board-opened");
  });

  it("keyboard: an opened application takes the focus and gives it back to its row", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-board"));
    await screen.findByTestId("board-table");
    const row = screen.getAllByTestId("board-open")[0];
    await fireEvent.click(row);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("board-opened-title")));
    await fireEvent.click(await screen.findByTestId("details-close"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId("board-open")[0]));
    // The page buttons stay enabled while a page loads, so they keep the focus.
    const next = screen.getByTestId("board-next") as HTMLButtonElement;
    next.focus();
    await fireEvent.click(next);
    expect(next.disabled).toBe(false);
    await waitFor(() => expect(screen.getByTestId("board-page-of").textContent).toBe("Page 2 of 10"));
    expect(document.activeElement).toBe(next);
  });

  it("is offered to staff only, and never while a visit is open", async () => {
    fake.counter.on = true;
    fake.counter.open = true;
    render(App);
    await screen.findByTestId("visit-open");
    expect(screen.queryByTestId("nav-board")).toBeNull();
    cleanup();
    fake.counter.open = false;
    fake.account.userType = "foreign_national";
    render(App);
    await screen.findByTestId("visit-start");
    expect(screen.queryByTestId("nav-board")).toBeNull();
  });

  it("is in Japanese too", async () => {
    fake.state.language = "ja";
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-board"));
    await screen.findByTestId("board-table");
    expect(screen.getByTestId("board-page-of").textContent).toBe("10ページ中1ページ");
    expect(screen.getAllByTestId("board-row")[0].textContent).toContain("補正のため返戻");
  });
});
