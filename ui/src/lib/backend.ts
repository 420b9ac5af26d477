// The UI's one door to the Rust side. Only this module imports @tauri-apps (an ESLint rule
// enforces it); components call `backend()` and never `invoke` directly, so tests and other
// transports (an HTTP backend for browser tests) can stand in with `useBackend`.
//
// The commands are not listed here: their methods (`CommandMethods`), argument and result types
// (`Commands`) and how each travels (`commandSpecs`) are generated from the command table in
// Rust (src-tauri/src/bindings.rs); `backendOver` turns every spec into a method of one generic
// call.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { openUrl, revealItemInDir } from "@tauri-apps/plugin-opener";
import {
  commandSpecs,
  type BytesCommand,
  type CommandError,
  type CommandMethods,
  type Commands,
  type StatusChange,
  type UploadProgress,
} from "./generated/bindings";

/** Which files a native dialog offers: a name and extensions without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The desktop's native file dialogs and file manager (Tauri only). */
export interface NativeFiles {
  /** A save dialog starting at `defaultName`; answers the chosen path, or null when cancelled. */
  savePath(defaultName: string, filter: FileFilter): Promise<string | null>;
  /** An open dialog; answers the chosen paths (empty when cancelled). */
  openPaths(filter: FileFilter, multiple: boolean): Promise<string[]>;
  /** Shows the file selected in the system's file manager. */
  showInFolder(path: string): Promise<void>;
}

/** Pages on the web, opened in the system's browser (Tauri only: the window itself never leaves the app). */
export interface ExternalLinks {
  open(url: string): Promise<void>;
}

/** Everything the UI can ask of the application layer: every command, and the events. */
export interface Backend extends CommandMethods {
  /** Calls `handler` when the app notices status changes in the background; answers a stop function. */
  onStatusChanged(handler: (changes: StatusChange[]) => void): Promise<() => void>;
  /** Calls `handler` with a submission's byte progress while it is sent; answers a stop function. */
  onUploadProgress(handler: (progress: UploadProgress) => void): Promise<() => void>;
  /**
   * Calls `handler` when the Rust side hit a bug (a panic, code `internal_panic`): a command
   * answered it, or a background task told the window (`internal-panic`); answers a stop function.
   */
  onInternalPanic(handler: (error: CommandError) => void): Promise<() => void>;
  /** Native dialogs, or null where there are none (browser, `ui-serve`): the HTML pickers stay. */
  readonly files: NativeFiles | null;
  /** The system's browser, or null in a browser, where a link opens itself. */
  readonly links: ExternalLinks | null;
}

/** An error from the backend, with the stable code the UI translates. */
export class BackendError extends Error {
  readonly code: string;
  constructor(body: CommandError) {
    super(body.message);
    this.code = body.code;
  }
}

function isCommandError(value: unknown): value is CommandError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** How commands reach the app layer: Tauri's IPC, or HTTP (`zairyu ui-serve`). */
export interface Transport {
  call<K extends keyof Commands>(name: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]>;
  /** A command whose body is raw bytes (files), with its other arguments as headers. */
  callRaw<K extends BytesCommand>(name: K, bytes: Uint8Array, headers: Record<string, string>): Promise<Commands[K]["result"]>;
  /** Events the app sends on its own (Tauri only); answers a stop function. */
  listen?(event: string, handler: (payload: unknown) => void): Promise<() => void>;
  /** Native dialogs (Tauri only). */
  files?: NativeFiles;
  /** The system's browser (Tauri only). */
  links?: ExternalLinks;
}

function toBackendError(err: unknown): BackendError {
  if (isCommandError(err)) return new BackendError(err);
  return new BackendError({ code: "unknown", message: String(err) });
}

/** Tauri's IPC, with the argument and result types generated from Rust. */
export const tauriTransport: Transport = {
  async call(name, args) {
    try {
      return await invoke(name, args);
    } catch (err) {
      throw toBackendError(err);
    }
  },
  async callRaw(name, bytes, headers) {
    try {
      return await invoke(name, bytes, { headers });
    } catch (err) {
      throw toBackendError(err);
    }
  },
  listen: (event, handler) => listen(event, (e) => handler(e.payload)),
  files: {
    async savePath(defaultName, filter) {
      try {
        return await saveDialog({ defaultPath: defaultName, filters: [filter] });
      } catch (err) {
        throw toBackendError(err);
      }
    },
    async openPaths(filter, multiple) {
      try {
        const chosen = await openDialog({ multiple, directory: false, filters: [filter] });
        if (chosen === null) return [];
        return Array.isArray(chosen) ? chosen : [chosen];
      } catch (err) {
        throw toBackendError(err);
      }
    },
    async showInFolder(path) {
      try {
        await revealItemInDir(path);
      } catch (err) {
        throw toBackendError(err);
      }
    },
  },
  links: {
    async open(url) {
      try {
        await openUrl(url);
      } catch (err) {
        throw toBackendError(err);
      }
    },
  },
};

/**
 * The same commands over HTTP: `POST {base}/invoke/<command>` (browser tests, demos). `token` is
 * the per-run token `zairyu ui-serve` printed in its address (`?token=…`); it travels in the
 * `X-Zairyu-Token` header, without which the server refuses every command.
 */
export function httpTransport(base: string, token: string): Transport {
  const post = async (name: string, body: BodyInit, headers: Record<string, string>) => {
    let response: Response;
    try {
      response = await fetch(`${base}/invoke/${name}`, { method: "POST", body, headers: { ...headers, "x-zairyu-token": token } });
    } catch (err) {
      throw new BackendError({ code: "server_unreachable", message: String(err) });
    }
    const value: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toBackendError(value);
    return value;
  };
  return {
    call: async (name, args) => (await post(name, JSON.stringify(args), { "content-type": "application/json" })) as never,
    callRaw: async (name, bytes, headers) =>
      (await post(name, new Blob([bytes as BlobPart]), { ...headers, "content-type": "application/octet-stream" })) as never,
  };
}

/**
 * The `zairyu ui-serve` token of this page: from its address (`?token=…`), kept for the tab's
 * session so a reload without it still works.
 */
export function uiServeToken(location: Location, storage: Storage): string {
  const fromUrl = new URLSearchParams(location.search).get("token");
  if (fromUrl) {
    storage.setItem("zairyu-ui-token", fromUrl);
    return fromUrl;
  }
  return storage.getItem("zairyu-ui-token") ?? "";
}

/** Every command of the generated table as a method over one transport. */
export function backendOver(t: Transport): Backend {
  const panicHandlers = new Set<(error: CommandError) => void>();
  /** A command's answer; `internal_panic` is also told to the error screen. */
  const watched = <T>(answer: Promise<T>): Promise<T> =>
    answer.catch((err: unknown) => {
      if (err instanceof BackendError && err.code === "internal_panic") {
        panicHandlers.forEach((h) => h({ code: err.code, message: err.message }));
      }
      throw err;
    });
  const methods: Record<string, (...params: unknown[]) => Promise<unknown>> = {};
  for (const spec of commandSpecs) {
    const named = (params: unknown[]) => Object.fromEntries(spec.args.map((name, i) => [name, params[i]]));
    methods[spec.method] =
      "bytes" in spec
        ? (...params) => {
            const headers = Object.fromEntries(spec.args.map((name, i) => [name, encodeURIComponent(String(params[i]))]));
            return watched(t.callRaw(spec.command, params[spec.args.length] as Uint8Array, headers));
          }
        : (...params) => watched(t.call(spec.command, named(params) as Commands[typeof spec.command]["args"]));
  }
  return {
    ...(methods as unknown as CommandMethods),
    onStatusChanged: async (handler) =>
      t.listen ? t.listen("status-changed", (payload) => handler(payload as StatusChange[])) : () => undefined,
    onUploadProgress: async (handler) =>
      t.listen ? t.listen("upload-progress", (payload) => handler(payload as UploadProgress)) : () => undefined,
    onInternalPanic: async (handler) => {
      panicHandlers.add(handler);
      const stop = t.listen ? await t.listen("internal-panic", (payload) => handler(payload as CommandError)) : () => undefined;
      return () => {
        panicHandlers.delete(handler);
        stop();
      };
    },
    files: t.files ?? null,
    links: t.links ?? null,
  };
}

export const tauriBackend: Backend = backendOver(tauriTransport);

let current: Backend = tauriBackend;

/** The backend components use. */
export function backend(): Backend {
  return current;
}

/** Replaces the backend (tests, browser builds). */
export function useBackend(next: Backend): void {
  current = next;
}
