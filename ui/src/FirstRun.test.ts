// conventions: the production profile's first run asks for the reception server, with practice
// mode offered apart; a machine-wide preset skips the question and may lock Settings.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

describe("first run and the machine-wide preset", () => {
  afterEach(cleanup);

  function start(profile: "demo" | "production", preset: { url: string | null; locked: boolean } = { url: null, locked: false }) {
    window.scrollTo = () => {};
    const fake = memoryBackend();
    fake.info.profile = profile;
    fake.info.server_preset = preset;
    const calls: (string | null)[] = [];
    const setServer = fake.api.setServer;
    fake.api.setServer = async (url) => {
      calls.push(url);
      return setServer(url);
    };
    useBackend(fake.api);
    render(App);
    return calls;
  }

  it("asks a production install for the server, and practice mode is marked apart", async () => {
    const calls = start("production");
    const first = await screen.findByTestId("first-run");
    expect(within(first).getByTestId("first-run-practice").textContent).toContain("Practice mode: nothing is sent to the agency");
    await fireEvent.input(within(first).getByTestId("first-run-url"), { target: { value: "https://reception.example.ac.jp" } });
    await fireEvent.click(within(first).getByTestId("first-run-save"));
    await waitFor(() => expect(screen.queryByTestId("first-run")).toBeNull());
    expect(calls).toEqual(["https://reception.example.ac.jp"]);
  });

  it("does not ask in the practice profile or when the IT department preset a server", async () => {
    start("demo");
    await screen.findByTestId("item-passport");
    expect(screen.queryByTestId("first-run")).toBeNull();
    cleanup();
    start("production", { url: "https://reception.example.ac.jp", locked: false });
    await screen.findByTestId("item-passport");
    expect(screen.queryByTestId("first-run")).toBeNull();
  });

  it("shows a locked preset in Settings with nothing to change", async () => {
    start("production", { url: "https://reception.example.ac.jp", locked: true });
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    const preset = await screen.findByTestId("server-preset");
    expect(preset.textContent).toContain("Set for this computer by your IT department");
    expect(preset.textContent).toContain("https://reception.example.ac.jp");
    const page = screen.getByTestId("settings-page");
    expect(within(page).queryByRole("radio")).toBeNull();
  });

  it("shows an unlocked preset as the default and keeps the choice", async () => {
    start("production", { url: "https://reception.example.ac.jp", locked: false });
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    const preset = await screen.findByTestId("server-preset");
    expect(preset.textContent).toContain("Preset by your IT department");
    expect(within(screen.getByTestId("settings-page")).getAllByRole("radio")).toHaveLength(2);
  });
});
