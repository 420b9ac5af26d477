// The interface language reaches every component through one Svelte context: a switch changes
// every text on the open screen at once and keeps what was typed; a component rendered without
// the app shell speaks English.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import Checklist from "./components/Checklist.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

describe("interface language", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
  });

  it("offers every language, each named in itself, and speaks the chosen one on every screen", async () => {
    render(App);
    await screen.findByTestId("nav-home");
    const offered = ["en", "ja", "zh-Hans", "vi", "ne", "ko", "id"];
    const names = ["English", "日本語", "简体中文", "Tiếng Việt", "नेपाली", "한국어", "Bahasa Indonesia"];
    offered.forEach((tag, i) => expect(screen.getByTestId(`lang-${tag}`).textContent?.trim()).toBe(names[i]));
    const homes = { "zh-Hans": "首页", vi: "Trang chủ", ne: "गृहपृष्ठ", ko: "홈", id: "Beranda" } as const;
    for (const [tag, home] of Object.entries(homes)) {
      await fireEvent.click(screen.getByTestId(`lang-${tag}`));
      await waitFor(() => expect(screen.getByTestId("nav-home").textContent).toBe(home));
      expect(document.documentElement.lang).toBe(tag);
      expect(fake.state.language).toBe(tag);
    }
  });

  it("switches the account page in the middle of a registration without losing its step", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-account"));
    await fireEvent.click(await screen.findByTestId("tab-register"));
    await fireEvent.click(screen.getByTestId("reg-agree"));
    await fireEvent.input(screen.getByTestId("reg-email"), { target: { value: "lan@example.jp" } });
    await fireEvent.input(screen.getByTestId("reg-email-again"), { target: { value: "lan@example.jp" } });
    await fireEvent.click(screen.getByTestId("reg-send"));
    const code = await screen.findByTestId("reg-code");
    await fireEvent.input(code, { target: { value: "half-typed" } });
    expect(screen.getByText("Step 3 of 5")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("lang-ja"));
    await screen.findByRole("heading", { level: 2, name: "アカウント" });
    expect(screen.getByText("ステップ 3 / 5")).toBeTruthy();
    expect(screen.getByTestId("reg-confirm").textContent).toBe("確認する");
    expect(screen.getByTestId("nav-account").textContent).toBe("アカウント");
    expect((screen.getByTestId("reg-code") as HTMLInputElement).value).toBe("half-typed");

    await fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(screen.getByTestId("reg-confirm").textContent).toBe("Confirm"));
    expect(fake.state.language).toBe("en");
  });

  it("keeps the new user ID for the sign-in form after registering", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-account"));
    await fireEvent.click(await screen.findByTestId("tab-register"));
    await fireEvent.click(screen.getByTestId("reg-agree"));
    await fireEvent.input(screen.getByTestId("reg-email"), { target: { value: "lan@example.jp" } });
    await fireEvent.input(screen.getByTestId("reg-email-again"), { target: { value: "lan@example.jp" } });
    await fireEvent.click(screen.getByTestId("reg-send"));
    await fireEvent.input(await screen.findByTestId("reg-code"), { target: { value: "c0de" } });
    await fireEvent.click(screen.getByTestId("reg-confirm"));
    await fireEvent.input(await screen.findByTestId("reg-name"), { target: { value: "NGUYEN THI LAN" } });
    await fireEvent.input(screen.getByTestId("reg-tel"), { target: { value: "09012345678" } });
    await fireEvent.input(screen.getByTestId("reg-password"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.input(screen.getByTestId("reg-password-again"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.click(screen.getByTestId("reg-review"));
    await fireEvent.click(await screen.findByTestId("reg-complete"));
    await fireEvent.click(await screen.findByTestId("reg-to-signin"));
    expect(((await screen.findByTestId("user-id")) as HTMLInputElement).value).toBe("ZR12345678");
    await fireEvent.click(screen.getByTestId("tab-forgot"));
    expect(((await screen.findByTestId("forgot-user-id")) as HTMLInputElement).value).toBe("ZR12345678");
    expect(((await screen.findByTestId("forgot-email")) as HTMLInputElement).value).toBe("lan@example.jp");
  });

  it("falls back to English for a component rendered without the app shell", () => {
    render(Checklist, { items: [{ id: "passport", done: true }], ontoggle: () => {} });
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Before you apply");
    expect(screen.getByTestId("checklist-progress").textContent).toContain("1 of 1 ready");
  });
});
