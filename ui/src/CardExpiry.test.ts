// Home's warning when the My Number Card's certificate ends too early for a draft or an
// application still examined, against the in-memory backend: what to do, in English and
// Japanese; nothing when the card is fine.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";
import type { CardExpiring } from "./lib/generated/bindings";

const beforeDecision: CardExpiring = {
  draft_id: "d1",
  title_en: "Extension (Student)",
  title_ja: "更新（留学）",
  warning: "card_expires_before_decision",
  card_expires_on: "2027-01-15",
  stay_expires_on: "2027-01-31",
  decision_expected_on: "2027-02-14",
};

describe("card expiry on the home screen", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
  });

  it("says the card ends before the decision and what to do, and opens the draft", async () => {
    fake.attention.card_expiring = [beforeDecision];
    render(App);
    const panel = await screen.findByTestId("attention");
    const card = within(panel).getByTestId("attention-card");
    expect(card.dataset.warning).toBe("card_expires_before_decision");
    expect(card.textContent).toContain("ends on 2027-01-15");
    expect(card.textContent).toContain("Extension (Student)");
    expect(card.textContent).toContain("city office");
    expect(card.textContent).toContain("in person at the immigration office");
    await fireEvent.click(within(card).getByRole("button"));
    await screen.findByTestId("draft-form");
  });

  it("says the card ends before the period of stay, in Japanese too", async () => {
    fake.attention.card_expiring = [{ ...beforeDecision, warning: "card_expires_before_stay", decision_expected_on: "2027-01-10" }];
    fake.state.language = "ja";
    render(App);
    const card = await screen.findByTestId("attention-card");
    expect(card.dataset.warning).toBe("card_expires_before_stay");
    expect(card.textContent).toContain("在留期間の満了日");
    expect(card.textContent).toContain("市区町村の窓口");
  });

  it("says a filed application is still examined when the card ends, and leads to its status", async () => {
    fake.attention.card_expiring = [{ ...beforeDecision, warning: "card_expires_while_pending", reference_number: "R-41" }];
    render(App);
    const card = await screen.findByTestId("attention-card");
    expect(card.dataset.warning).toBe("card_expires_while_pending");
    expect(card.textContent).toContain("(reference R-41) is still being examined");
    expect(card.textContent).toContain("resubmit it if it is returned");
    await fireEvent.click(within(card).getByRole("button"));
    await screen.findByTestId("status-page");
  });

  it("shows no card warning when the card is fine", async () => {
    render(App);
    await screen.findByTestId("applications");
    expect(screen.queryByTestId("attention-card")).toBeNull();
  });
});
