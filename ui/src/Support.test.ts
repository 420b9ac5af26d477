// support: Settings → Diagnosis → "Save a support report" (what it holds is shown before it is
// saved through the save dialog), the error screen after a panic (from a background task's
// event or from a command answering `internal_panic`), and the backend telling the screen.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { backendOver, BackendError, useBackend, type Transport } from "./lib/backend";
import { supportReportFileName, today } from "./lib/file-names";
import type { CommandError } from "./lib/generated/bindings";
import { memoryBackend } from "./test/memory-backend";

describe("the support trail", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);

  function start(nativeFiles: boolean) {
    window.scrollTo = () => {};
    fake = memoryBackend({ nativeFiles });
    useBackend(fake.api);
    render(App);
  }

  it("shows what the support report holds, then saves it through the save dialog", async () => {
    start(true);
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    const report = await screen.findByTestId("support-report");
    await fireEvent.click(within(report).getByTestId("support-report-show"));
    const files = await within(report).findByTestId("support-report-files");
    expect(files.textContent).toContain("diagnosis.txt");
    expect(files.textContent).toContain("zairyu.log");
    expect(files.textContent).toContain("12.3 kB");
    expect(within(report).getByTestId("support-report-diagnosis").textContent).toContain("profile: demo");
    expect(fake.calls.filter((c) => c.startsWith("support-report-to"))).toEqual([]); // nothing saved yet
    await fireEvent.click(within(report).getByTestId("support-report-save"));
    const saved = await within(report).findByTestId("support-report-saved");
    const name = `zairyu-support-report-${today()}.zip`;
    expect(supportReportFileName()).toBe(name);
    expect(fake.dialogs.saveNames).toEqual([name]);
    expect(fake.calls).toContain(`support-report-to:/home/lan/Documents/${name}`);
    expect(saved.textContent).toContain(name);
  });

  it("shows the error screen with its code after a panic, and Continue closes it", async () => {
    start(true);
    await screen.findByTestId("applications");
    expect(screen.queryByTestId("panic-screen")).toBeNull();
    fake.panic("panicked at src/x.rs:1:1");
    const panic = await screen.findByTestId("panic-screen");
    expect(within(panic).getByTestId("panic-code").textContent).toBe("internal_panic");
    expect(panic.textContent).toContain("Zairyu ran into an internal error");
    expect(within(panic).getByTestId("support-report-show")).toBeTruthy();
    await fireEvent.click(within(panic).getByTestId("panic-continue"));
    await waitFor(() => expect(screen.queryByTestId("panic-screen")).toBeNull());
  });

  it("tells the error screen when a command answers internal_panic, and passes the error on", async () => {
    const transport: Transport = {
      call: async () => {
        throw new BackendError({ code: "internal_panic", message: "the command diagnosis stopped" });
      },
      callRaw: async () => null as never,
    };
    const api = backendOver(transport);
    const told: CommandError[] = [];
    const stop = await api.onInternalPanic((e) => told.push(e));
    await expect(api.diagnosis()).rejects.toMatchObject({ code: "internal_panic" });
    expect(told).toEqual([{ code: "internal_panic", message: "the command diagnosis stopped" }]);
    stop();
    await expect(api.diagnosis()).rejects.toBeInstanceOf(BackendError);
    expect(told).toHaveLength(1);
  });
});
