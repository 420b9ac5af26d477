// Account, usage application and the PIN dialog against the in-memory backend (whose practice
// card counts tries down as the real one does).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { memoryBackend } from "./test/memory-backend";

describe("account and card", () => {
  let fake: ReturnType<typeof memoryBackend>;
  afterEach(cleanup);
  beforeEach(() => {
    window.scrollTo = () => {};
    fake = memoryBackend();
    useBackend(fake.api);
  });

  async function openAccount() {
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-account"));
    await screen.findByTestId("account-page");
  }

  it("registers as in manual 3.1: terms, e-mail, code, details, confirmation, user ID", async () => {
    await openAccount();
    await fireEvent.click(screen.getByTestId("tab-register"));
    // Step 3: the terms of use come first; the e-mail form only after "Agree".
    expect(screen.queryByTestId("reg-email")).toBeNull();
    expect(screen.getByTestId("reg-terms").textContent).toContain("Terms of use");
    await fireEvent.click(screen.getByTestId("reg-agree"));
    await fireEvent.input(screen.getByTestId("reg-email"), { target: { value: "lan@example.jp" } });
    await fireEvent.input(screen.getByTestId("reg-email-again"), { target: { value: "lan@example.com" } });
    await fireEvent.click(screen.getByTestId("reg-send"));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("differ"));
    await fireEvent.input(screen.getByTestId("reg-email-again"), { target: { value: "lan@example.jp" } });
    await fireEvent.click(screen.getByTestId("reg-send"));
    await fireEvent.input(await screen.findByTestId("reg-code"), { target: { value: "http://x/register?token=abc" } });
    await fireEvent.click(screen.getByTestId("reg-confirm"));
    // All four user types of the manual, the attorney / 行政書士 among them.
    for (const type of ["foreign_national", "legal_representative", "organisation_staff", "attorney"]) {
      expect(await screen.findByTestId(`reg-type-${type}`)).toBeTruthy();
    }
    await fireEvent.click(screen.getByTestId("reg-type-attorney"));
    await fireEvent.input(screen.getByTestId("reg-name"), { target: { value: "NGUYEN THI LAN" } });
    await fireEvent.input(screen.getByTestId("reg-tel"), { target: { value: "09012345678" } });
    await fireEvent.input(screen.getByTestId("reg-password"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.input(screen.getByTestId("reg-password-again"), { target: { value: "Zairyu#2026no" } });
    await fireEvent.click(screen.getByTestId("reg-review"));
    expect(await screen.findByTestId("reg-password-mismatch")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("reg-password-again"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.click(screen.getByTestId("reg-review"));
    // Steps 7-8: a confirmation of what was entered; nothing is registered before "Register".
    expect((await screen.findByTestId("reg-confirm-type")).textContent).toContain("attorney");
    expect(fake.calls.some((c) => c.startsWith("complete:"))).toBe(false);
    await fireEvent.click(screen.getByTestId("reg-back"));
    expect((screen.getByTestId("reg-name") as HTMLInputElement).value).toBe("NGUYEN THI LAN");
    await fireEvent.click(screen.getByTestId("reg-review"));
    await fireEvent.click(await screen.findByTestId("reg-complete"));
    expect((await screen.findByTestId("reg-done")).textContent).toContain("ZR12345678");
    expect(fake.calls).toEqual(
      expect.arrayContaining(["register:lan@example.jp", "confirm:http://x/register?token=abc", "complete:NGUYEN THI LAN:attorney"]),
    );
  });

  it("signs in, reads the card with one PIN, counts a wrong PIN down, and asks consent for the last try", async () => {
    await openAccount();
    await fireEvent.input(screen.getByTestId("user-id"), { target: { value: "ZR12345678" } });
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "wrong" } });
    await fireEvent.click(screen.getByTestId("sign-in"));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("user ID or password is wrong"));
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.click(screen.getByTestId("sign-in"));
    await screen.findByTestId("account-details");
    expect(screen.getByTestId("who").textContent).toContain("ZR12345678");

    await fireEvent.click(screen.getByTestId("usage-start"));
    await fireEvent.click(await screen.findByTestId("practice-insert"));
    const read = await screen.findByTestId("usage-read");
    await waitFor(() => expect((read as HTMLButtonElement).disabled).toBe(false));

    // A wrong PIN: the error gives the tries left, and nothing is retried.
    await fireEvent.click(read);
    expect((await screen.findByTestId("pin-tries")).textContent).toContain("3");
    await fireEvent.input(screen.getByTestId("pin-input"), { target: { value: "9999" } });
    await fireEvent.click(screen.getByTestId("pin-ok"));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain("Tries left: 2"));
    expect(screen.queryByTestId("pin-dialog")).toBeNull();
    expect(fake.calls.filter((c) => c === "pin:text")).toHaveLength(1);

    // One try left: the PIN is not sent until the student consents.
    fake.card.text = 1;
    await fireEvent.click(screen.getByTestId("usage-read"));
    const consent = await screen.findByTestId("pin-consent");
    await fireEvent.input(screen.getByTestId("pin-input"), { target: { value: "1234" } });
    expect((screen.getByTestId("pin-ok") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(consent);
    expect((screen.getByTestId("pin-ok") as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(screen.getByTestId("pin-ok"));
    expect((await screen.findByTestId("basic-four")).textContent).toContain("NGUYEN THI LAN");
    expect(fake.card.text).toBe(3);

    // Manual 3.2 step 15: English name and telephone start from the account; the postal code
    // is typed, and signing waits for it.
    await fireEvent.input(screen.getByTestId("usage-card-number"), { target: { value: "ab12345678cd" } });
    const name = within(screen.getByTestId("field-user.name_en")).getByRole("textbox") as HTMLInputElement;
    expect(name.value).toBe("NGUYEN THI LAN");
    expect((within(screen.getByTestId("field-user.telephone")).getByRole("textbox") as HTMLInputElement).value).toBe("09012345678");
    expect((screen.getByTestId("usage-sign") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(within(screen.getByTestId("field-user.postal_code")).getByRole("textbox"), { target: { value: "874-8577" } });
    await waitFor(() => expect((screen.getByTestId("usage-sign") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("usage-sign"));
    await fireEvent.input(await screen.findByTestId("pin-input"), { target: { value: "1234" } });
    await fireEvent.click(screen.getByTestId("pin-ok"));
    await screen.findByTestId("usage-done");
    expect(fake.calls).toContain("usage:AB12345678CD");
    expect(fake.calls).toContain("usage-contact:NGUYEN THI LAN|874-8577|09012345678");
    expect(fake.account.usage).toBe(true);
  });

  it("resets a forgotten password with the code from the e-mail", async () => {
    await openAccount();
    await fireEvent.click(screen.getByTestId("tab-forgot"));
    await fireEvent.input(screen.getByTestId("forgot-user-id"), { target: { value: "ZR12345678" } });
    await fireEvent.input(screen.getByTestId("forgot-email"), { target: { value: "lan@example.jp" } });
    await fireEvent.click(screen.getByTestId("forgot-send"));
    await fireEvent.input(await screen.findByTestId("reset-code"), { target: { value: "c0de" } });
    await fireEvent.input(screen.getByTestId("reset-password"), { target: { value: "Zairyu#2027ok" } });
    await fireEvent.click(screen.getByTestId("reset-send"));
    await screen.findByTestId("reset-done");
    expect(fake.calls).toEqual(expect.arrayContaining(["forgot-password:ZR12345678", "reset:c0de"]));
  });

  it("refuses a blocked PIN and clears the field on cancel", async () => {
    fake.card.inserted = true;
    fake.account.signedIn = "ZR1";
    await openAccount();
    await fireEvent.click(await screen.findByTestId("usage-start"));
    const read = await screen.findByTestId("usage-read");
    await waitFor(() => expect((read as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(read);
    const input = (await screen.findByTestId("pin-input")) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "12" } });
    expect((screen.getByTestId("pin-ok") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("pin-cancel"));
    expect(screen.queryByTestId("pin-dialog")).toBeNull();

    fake.card.text = 0;
    await fireEvent.click(screen.getByTestId("usage-read"));
    expect((await screen.findByTestId("pin-blocked")).textContent).toContain("city office");
    expect(((await screen.findByTestId("pin-input")) as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("pin-ok") as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.filter((c) => c.startsWith("pin:"))).toHaveLength(0);
  });

  async function signInAndOut() {
    await openAccount();
    await fireEvent.input(screen.getByTestId("user-id"), { target: { value: "ZR12345678" } });
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "Zairyu#2026ok" } });
    await fireEvent.click(screen.getByTestId("sign-in"));
    await fireEvent.click(await screen.findByTestId("sign-out"));
  }

  it("says at sign-out what stays on this computer and removes it when asked", async () => {
    Object.assign(fake.local, { drafts: 2, receipts: 1, queued_submissions: 1 });
    await signInAndOut();
    const dialog = await screen.findByTestId("left-on-computer");
    expect(dialog.getAttribute("role")).toBe("alertdialog");
    expect(screen.getByTestId("left-drafts").textContent).toContain("2");
    expect(screen.getByTestId("left-queued").textContent).toContain("1");
    expect(document.activeElement).toBe(screen.getByTestId("left-keep"));
    await fireEvent.click(screen.getByTestId("left-remove"));
    await waitFor(() => expect(screen.queryByTestId("left-on-computer")).toBeNull());
    expect(fake.calls).toContain("remove-local-data");
    expect(fake.local).toEqual({ drafts: 0, receipts: 0, queued_submissions: 0 });
  });

  it("keeps everything when the student says keep, and asks nothing when nothing stays", async () => {
    fake.local.drafts = 1;
    await signInAndOut();
    await fireEvent.click(await screen.findByTestId("left-keep"));
    await waitFor(() => expect(screen.queryByTestId("left-on-computer")).toBeNull());
    expect(fake.calls).not.toContain("remove-local-data");
    expect(fake.local.drafts).toBe(1);

    cleanup();
    fake.local.drafts = 0;
    await signInAndOut();
    await screen.findByTestId("tab-signin");
    expect(screen.queryByTestId("left-on-computer")).toBeNull();
  });
});
