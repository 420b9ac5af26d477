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
});
