// The home screen against an in-memory backend: ticks and language go through the backend.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

describe("home screen", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    fake = memoryBackend();
    useBackend(fake.api);
  });

  it("lists the seven items and saves a tick", async () => {
    render(App);
    const box = (await screen.findByTestId("item-passport")) as HTMLInputElement;
    expect(screen.getAllByRole("checkbox")).toHaveLength(7);
    await fireEvent.click(box);
    await waitFor(() => expect(fake.calls).toContain("passport:true"));
    await waitFor(() => expect(screen.getByTestId("checklist-progress").textContent).toContain("1 of 7 ready"));
  });

  it("tells once that a damaged file was kept, and can dismiss it", async () => {
    fake.pending.push({ code: "file_recovered", kept_as: "/data/settings.json.corrupt" });
    render(App);
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("/data/settings.json.corrupt");
    await fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("notice")).toBeNull());
    expect(fake.pending).toHaveLength(0);
  });

  it("switches to Japanese and shows the profile", async () => {
    render(App);
    await screen.findByTestId("item-passport");
    expect(screen.getByTestId("profile").dataset.profile).toBe("demo");
    await fireEvent.click(screen.getByTestId("lang-ja"));
    await screen.findByRole("heading", { level: 2, name: "申請の前に準備するもの" });
    expect(screen.getByRole("heading", { level: 2, name: "あなたの申請" })).toBeTruthy();
    expect(fake.state.language).toBe("ja");
    expect(document.documentElement.lang).toBe("ja");
  });

  it("says which PIN reads and which signs, in both languages (manual: user-authentication PIN signs)", async () => {
    render(App);
    await screen.findByTestId("item-passport");
    const pins = () => screen.getByTestId("item-card_pins").closest("li")?.textContent ?? "";
    expect(pins()).toContain("card-information PIN (券面事項入力補助用) reads");
    expect(pins()).toContain("user-authentication PIN (利用者証明用) proves the card is yours at the usage application and signs each application");
    expect(pins()).toContain("never asks for the 6–16 character signature password");
    await fireEvent.click(screen.getByTestId("lang-ja"));
    await waitFor(() => expect(pins()).toContain("利用者証明用電子証明書の暗証番号（数字4桁）は利用申請での本人確認と、マニュアルのとおり各申請への署名に使います"));
    expect(pins()).toContain("署名用電子証明書のパスワードは使いません");
  });
});
