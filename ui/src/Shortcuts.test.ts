// conventions: keyboard shortcuts (lib/shortcuts.ts) and Help with the official pages, against
// the in-memory backend.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { SHORTCUTS, keysLabel, shortcutFor } from "./lib/shortcuts";
import { OFFICIAL_PAGES } from "./lib/official-pages";
import { memoryBackend } from "./test/memory-backend";

function key(init: KeyboardEventInit & { key: string }, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("shortcutFor", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("maps Ctrl on Windows/Linux and ⌘ on macOS, not the other", () => {
    expect(shortcutFor(key({ key: "n", ctrlKey: true }), false)).toBe("new");
    expect(shortcutFor(key({ key: "n", metaKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", metaKey: true }), true)).toBe("new");
    expect(shortcutFor(key({ key: "n", ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key({ key: "N", ctrlKey: true }), false)).toBe("new");
    expect(shortcutFor(key({ key: "1", ctrlKey: true }), false)).toBe("home");
    expect(shortcutFor(key({ key: "2", ctrlKey: true }), false)).toBe("account");
    expect(shortcutFor(key({ key: "3", ctrlKey: true }), false)).toBe("status");
    expect(shortcutFor(key({ key: "4", ctrlKey: true }), false)).toBe("settings");
    expect(shortcutFor(key({ key: ",", ctrlKey: true }), false)).toBe("settings");
    expect(shortcutFor(key({ key: "F1" }), false)).toBe("help");
  });

  it("leaves plain keys, Shift, Alt, repeats and input-method composition alone", () => {
    expect(shortcutFor(key({ key: "n" }), false)).toBeNull();
    expect(shortcutFor(key({ key: "1" }), false)).toBeNull();
    expect(shortcutFor(key({ key: "F1", ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", ctrlKey: true, repeat: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", ctrlKey: true, isComposing: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "x", ctrlKey: true }), false)).toBeNull();
  });

  it("in a text field only F1 fires; a checkbox or button does not count as typing", () => {
    document.body.innerHTML = `<input id="t" type="text"><textarea id="a"></textarea><select id="s"></select>
      <div contenteditable="true"><span id="c">x</span></div><input id="box" type="checkbox"><button id="b">b</button>`;
    for (const id of ["t", "a", "s", "c"]) {
      const field = document.getElementById(id)!;
      expect(shortcutFor(key({ key: "n", ctrlKey: true }, field), false), id).toBeNull();
      expect(shortcutFor(key({ key: "1", ctrlKey: true }, field), false), id).toBeNull();
      expect(shortcutFor(key({ key: "F1" }, field), false), id).toBe("help");
    }
    expect(shortcutFor(key({ key: "n", ctrlKey: true }, document.getElementById("box")!), false)).toBe("new");
    expect(shortcutFor(key({ key: "n", ctrlKey: true }, document.getElementById("b")!), false)).toBe("new");
  });

  it("does nothing while a modal dialog (the PIN) is open", () => {
    document.body.innerHTML = `<div role="dialog" aria-modal="true"><button id="b">OK</button></div>`;
    expect(shortcutFor(key({ key: "F1" }, document.getElementById("b")!), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", ctrlKey: true }), false)).toBeNull();
  });

  it("labels the keys as each system writes them", () => {
    const newApp = SHORTCUTS.find((s) => s.action === "new")!;
    expect(keysLabel(newApp, false)).toBe("Ctrl+N");
    expect(keysLabel(newApp, true)).toBe("⌘N");
    expect(keysLabel(SHORTCUTS.find((s) => s.action === "help")!, true)).toBe("F1");
  });
});

describe("shortcuts and Help in the app", () => {
  afterEach(cleanup);

  function start(desktop: boolean) {
    window.scrollTo = () => {};
    const fake = memoryBackend({ nativeFiles: desktop });
    useBackend(fake.api);
    render(App);
    return fake;
  }

  it("goes to the tabs, a new application and Help from the keyboard", async () => {
    start(false);
    await screen.findByTestId("item-passport");
    await fireEvent.keyDown(window, { key: "4", ctrlKey: true });
    await screen.findByTestId("settings-page");
    expect(screen.getByTestId("nav-settings").getAttribute("aria-current")).toBe("page");
    await fireEvent.keyDown(window, { key: "3", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("nav-status").getAttribute("aria-current")).toBe("page"));
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await screen.findByTestId("procedure-extension-of-stay");
    await fireEvent.keyDown(window, { key: "F1" });
    const help = await screen.findByTestId("help-page");
    await waitFor(() => expect(document.activeElement?.id).toBe("help-title"));
    const rows = within(within(help).getByTestId("shortcut-list")).getAllByRole("row");
    expect(rows).toHaveLength(SHORTCUTS.length + 1);
    expect(rows[1].textContent).toContain("Ctrl+N");
    expect(rows[1].textContent).toContain("New application");
    await fireEvent.keyDown(window, { key: "1", ctrlKey: true });
    await screen.findByTestId("item-passport");
  });

  it("keeps Ctrl+N for the field while typing in the search box", async () => {
    start(false);
    await fireEvent.click(await screen.findByTestId("new-application"));
    await screen.findByTestId("procedure-extension-of-stay");
    const search = screen.getByRole("searchbox");
    search.focus();
    await fireEvent.keyDown(search, { key: "1", ctrlKey: true });
    expect(screen.queryByTestId("item-passport")).toBeNull();
    expect(screen.getByTestId("procedure-extension-of-stay")).toBeTruthy();
  });

  it("opens the official pages in the system's browser on the desktop", async () => {
    const fake = start(true);
    await fireEvent.click(await screen.findByTestId("nav-help"));
    const links = await screen.findAllByTestId("official-page");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(OFFICIAL_PAGES.map((p) => p.url));
    expect(links[0].getAttribute("href")).toBe("https://www.moj.go.jp/isa/applications/online/onlineshinsei.html");
    await fireEvent.click(links[0]);
    expect(fake.dialogs.browsed).toEqual(["https://www.moj.go.jp/isa/applications/online/onlineshinsei.html"]);
  });

  it("leaves the link to the browser where there is no desktop", async () => {
    const fake = start(false);
    await fireEvent.click(await screen.findByTestId("nav-help"));
    const [first] = await screen.findAllByTestId("official-page");
    expect(first.getAttribute("target")).toBe("_blank");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    first.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(fake.dialogs.browsed).toEqual([]);
  });
});
