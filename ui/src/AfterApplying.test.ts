// The screens around an application once it is under way, against the in-memory backend: what
// needs attention on the home screen, status changes announced by the app, favorites in the
// procedure picker and on My page, the change of e-mail address, and the reader in Settings.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";
import type { Application } from "./lib/generated/bindings";

const returned: Application = {
  id: 4, reference_number: "ZR-2026-00000004", temporary_reception_number: "T4", procedure_id: "extension-of-stay",
  procedure_name_en: "Extension of period of stay", procedure_name_ja: "在留期間更新許可申請", submission_id: "s4",
  status: "in_return_process", revision_request: "Attach a photo taken within 3 months", created_at: 0, updated_at: 0,
};

describe("after applying", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
  });

  async function signIn() {
    fake.account.signedIn = "ZR12345678";
  }

  it("shows nothing to attend to when nothing needs action", async () => {
    render(App);
    await screen.findByTestId("applications");
    expect(screen.queryByTestId("attention")).toBeNull();
  });

  it("puts a returned application, an ending period of stay and the outbox first on the home screen", async () => {
    fake.attention.revision_requests = [{ application: returned, draft_id: "d1" }];
    fake.attention.stay_ending = [{ draft_id: "d1", title_en: "Extension (Student)", title_ja: "更新（留学）", expires_on: "2027-01-10", days_left: 43 }];
    fake.attention.queued = 2;
    render(App);
    const panel = await screen.findByTestId("attention");
    expect(within(panel).getByTestId("attention-returned").textContent).toContain("Attach a photo taken within 3 months");
    expect(within(panel).getByTestId("attention-stay").textContent).toContain("2027-01-10: 43 day(s) left");
    expect(within(panel).getByTestId("attention-queued").textContent).toContain("2 signed");
    // "Change and resubmit" opens the draft the application was made from.
    await fireEvent.click(within(within(panel).getByTestId("attention-returned")).getByRole("button"));
    await screen.findByTestId("draft-form");
  });

  it("lists the sent applications with their statuses on the home screen when signed in", async () => {
    await signIn();
    fake.sent.push(returned, { ...returned, id: 5, reference_number: "ZR-2026-00000005", status: "completed" });
    render(App);
    const list = await screen.findByTestId("sent-applications");
    const statuses = within(list).getAllByTestId("sent-status").map((s) => s.textContent?.trim());
    expect(statuses).toEqual(["In Return Process", "Completed"]);
    expect(list.textContent).toContain("ZR-2026-00000005");
  });

  it("says when the statuses could not be checked, only to a signed-in student", async () => {
    fake.attention.statuses_unknown = true;
    render(App);
    await screen.findByTestId("applications");
    expect(screen.queryByTestId("attention-offline")).toBeNull();
    cleanup();
    await signIn();
    render(App);
    expect((await screen.findByTestId("attention-offline")).textContent).toContain("server does not answer");
  });

  it("says a period of stay that has ended cannot be extended online", async () => {
    fake.attention.stay_ending = [{ draft_id: "d1", title_en: "Extension", title_ja: "更新", expires_on: "2026-11-27", days_left: -1 }];
    render(App);
    const stay = await screen.findByTestId("attention-stay");
    expect(stay.textContent).toContain("ended on 2026-11-27");
    expect(stay.textContent).toContain("regional immigration services bureau");
  });

  it("announces a status change noticed in the background, in Japanese too, and clears it on the status page", async () => {
    fake.state.language = "ja";
    render(App);
    await screen.findByTestId("applications");
    fake.announce([{ application: returned, previous: "under_review" }]);
    const news = await screen.findByTestId("status-news");
    expect(news.textContent).toContain("在留期間更新許可申請：「差戻し中」になりました。");
    await fireEvent.click(within(news).getByText("申請状況を見る"));
    await screen.findByTestId("status-page");
    expect(screen.queryByTestId("status-news")).toBeNull();
  });

  it("marks favorites with the star, lists them first, filters by them and removes them on My page", async () => {
    await signIn();
    render(App);
    await fireEvent.click(await screen.findByTestId("new-application"));
    await screen.findByTestId("procedure-institution-notification");
    const second = screen.getByTestId("procedure-institution-notification");
    const star = await within(second).findByTestId("favorite");
    expect(star.getAttribute("aria-pressed")).toBe("false");
    expect(star.getAttribute("aria-label")).toBe("Add “Notification relating to the institution” to favorites");
    await fireEvent.click(star);
    await waitFor(() => expect(within(screen.getByTestId("procedure-institution-notification")).getByTestId("favorite").getAttribute("aria-pressed")).toBe("true"));
    expect(fake.calls).toContain("favorite:institution-notification:true");
    // The favorite now comes first, and "only favorites" leaves it alone.
    const items = screen.getAllByRole("listitem").map((li) => li.getAttribute("data-testid"));
    expect(items[0]).toBe("procedure-institution-notification");
    await fireEvent.click(screen.getByTestId("only-favorites"));
    await waitFor(() => expect(screen.queryByTestId("procedure-extension-of-stay")).toBeNull());
    expect(screen.getByTestId("procedure-count").textContent).toContain("1 procedure");

    await fireEvent.click(screen.getByTestId("nav-account"));
    const mine = await screen.findByTestId("my-favorites");
    expect(mine.textContent).toContain("Notification relating to the institution");
    await fireEvent.click(within(mine).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(screen.queryByTestId("my-favorites")).toBeNull());
    expect(fake.account.favorites).toEqual([]);
  });

  it("offers no star when signed out", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("new-application"));
    await screen.findByTestId("procedure-extension-of-stay");
    expect(screen.queryByTestId("favorite")).toBeNull();
    expect(screen.queryByTestId("only-favorites")).toBeNull();
  });

  it("changes the e-mail address with the code sent to the new one", async () => {
    await signIn();
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-account"));
    await screen.findByTestId("account-details");
    await fireEvent.input(screen.getByTestId("new-email"), { target: { value: "lan@new.example.jp" } });
    await fireEvent.input(screen.getByTestId("new-email-again"), { target: { value: "lan@new.example.jp" } });
    await fireEvent.input(screen.getByTestId("email-change-password"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.submit(screen.getByTestId("change-email"));
    const confirm = await screen.findByTestId("confirm-email-change");
    expect(confirm.textContent).toContain("lan@new.example.jp");
    // A wrong code is refused and the old address stays.
    await fireEvent.input(screen.getByTestId("email-code"), { target: { value: "WRONG" } });
    await fireEvent.submit(confirm);
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("expired"));
    expect(screen.getByTestId("account-details").textContent).toContain("lan@example.jp");
    await fireEvent.input(screen.getByTestId("email-code"), { target: { value: "CODE1" } });
    await fireEvent.submit(confirm);
    await waitFor(() => expect(screen.getByTestId("account-details").textContent).toContain("lan@new.example.jp"));
    expect(fake.calls).toEqual(expect.arrayContaining(["change-email:lan@new.example.jp", "confirm-email:CODE1"]));
  });

  it("saves the chosen card reader in Settings and can go back to automatic", async () => {
    fake.card.inserted = true;
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    const select = (await screen.findByTestId("reader-choice")) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    await fireEvent.change(select, { target: { value: "Zairyu practice card" } });
    await waitFor(() => expect(fake.settings.reader).toBe("Zairyu practice card"));
    await fireEvent.change(select, { target: { value: "" } });
    await waitFor(() => expect(fake.settings.reader).toBeNull());
    expect(fake.calls).toEqual(expect.arrayContaining(["reader:Zairyu practice card", "reader:null"]));
  });
});
