// backendOver: every generated command spec becomes a method that sends the command's name and
// its arguments under their wire names (JSON keys, or headers for a raw-bytes command).
import { describe, expect, it } from "vitest";
import { backendOver, httpTransport, uiServeToken, type Transport } from "./backend";

function recording() {
  const sent: unknown[] = [];
  const transport: Transport = {
    call: async (name, args) => {
      sent.push(["call", name, args]);
      return null as never;
    },
    callRaw: async (name, bytes, headers) => {
      sent.push(["raw", name, bytes.length, headers]);
      return null as never;
    },
  };
  return { sent, backend: backendOver(transport) };
}

describe("backendOver", () => {
  it("sends positional arguments under their camelCase names", async () => {
    const { sent, backend } = recording();
    await backend.setDraftField("d1", "applicant.address", "x");
    await backend.submitDraft("d1", null, "1234", true, 7);
    await backend.changePassword("old", "new");
    await backend.appInfo();
    expect(sent).toEqual([
      ["call", "set_draft_field", { id: "d1", path: "applicant.address", value: "x" }],
      ["call", "submit_draft", { id: "d1", reader: null, pin: "1234", lastTry: true, resubmitOf: 7 }],
      ["call", "change_password", { current: "old", new: "new" }],
      ["call", "app_info", {}],
    ]);
  });

  it("sends files as raw bytes with the other arguments as percent-encoded headers", async () => {
    const { sent, backend } = recording();
    await backend.attachFile("d1", "photo", "成績.pdf", new Uint8Array(3));
    await backend.importDraft(new Uint8Array(2));
    expect(sent).toEqual([
      ["raw", "attach_file", 3, { "x-draft-id": "d1", "x-slot": "photo", "x-file-name": encodeURIComponent("成績.pdf") }],
      ["raw", "import_draft", 2, {}],
    ]);
  });
});

describe("httpTransport", () => {
  it("sends the ui-serve token in X-Zairyu-Token with a JSON body", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response("null", { status: 200 });
    }) as typeof fetch;
    try {
      await httpTransport("http://127.0.0.1:9", "abc").call("app_info", {});
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen[0].url).toBe("http://127.0.0.1:9/invoke/app_info");
    expect(seen[0].init.headers).toEqual({ "content-type": "application/json", "x-zairyu-token": "abc" });
  });

  it("reads the token from the page address and keeps it for the session", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    expect(uiServeToken({ search: "?token=t1" } as Location, storage)).toBe("t1");
    expect(uiServeToken({ search: "" } as Location, storage)).toBe("t1");
  });
});
