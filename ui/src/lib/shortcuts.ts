// Keyboard shortcuts for the common actions: which key does what (`SHORTCUTS`, also the list
// Help shows), which action a key press asks for (`shortcutFor`), and the window listener
// (`installShortcuts`). Ctrl on Windows and Linux, ⌘ on macOS.

/** What a shortcut does; App decides what that means on the screen it shows. */
export type ShortcutAction = "new" | "settings" | "help" | "home" | "account" | "status";

export interface Shortcut {
  action: ShortcutAction;
  /** `KeyboardEvent.key` of the key pressed with Ctrl/⌘, or of a function key alone. */
  key: string;
  /** Pressed with Ctrl (⌘ on macOS). */
  command: boolean;
}

/** Every shortcut, in the order Help lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: "new", key: "n", command: true },
  { action: "home", key: "1", command: true },
  { action: "account", key: "2", command: true },
  { action: "status", key: "3", command: true },
  { action: "settings", key: "4", command: true },
  { action: "settings", key: ",", command: true },
  { action: "help", key: "F1", command: false },
];

/** Whether this is a Mac (⌘ instead of Ctrl). */
export function isMac(nav: Pick<Navigator, "userAgent"> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.userAgent);
}

/** The keys of a shortcut as the user presses them: "Ctrl+N", "⌘N", "F1". */
export function keysLabel(shortcut: Shortcut, mac: boolean = isMac()): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  if (!shortcut.command) return key;
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** A text field, a list box or anything editable: typing there must stay typing. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "file", "range", "color"].includes(target.type);
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target.closest("[contenteditable]:not([contenteditable='false'])") !== null;
}

/** A modal dialog (the PIN dialog, a confirmation) is open: it has the keyboard to itself. */
function modalOpen(doc: Document): boolean {
  return doc.querySelector("dialog[open], [aria-modal='true']") !== null;
}

/**
 * The action a key press asks for, or null. Nothing fires while an input method composes
 * (Japanese, Chinese, Korean input), on a held key's repeats, with Alt or Shift, or while a modal
 * dialog is open; in a text field only F1 does (Ctrl/⌘ with a letter or digit stays the
 * field's: select, undo, the browser's own keys).
 */
export function shortcutFor(event: KeyboardEvent, mac: boolean = isMac()): ShortcutAction | null {
  if (event.isComposing || event.repeat || event.defaultPrevented || event.altKey || event.shiftKey) return null;
  const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const plain = !event.ctrlKey && !event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const shortcut = SHORTCUTS.find((s) => s.key === key && (s.command ? command : plain));
  if (!shortcut) return null;
  const doc = event.target instanceof Node ? (event.target.ownerDocument ?? document) : document;
  if (modalOpen(doc)) return null;
  if (shortcut.command && isEditable(event.target)) return null;
  return shortcut.action;
}

/** Listens on `target` for the shortcuts and runs `run` for each; answers the stop function. */
export function installShortcuts(target: Window, run: (action: ShortcutAction) => void, mac: boolean = isMac()): () => void {
  const listener = (event: KeyboardEvent) => {
    const action = shortcutFor(event, mac);
    if (action === null) return;
    event.preventDefault();
    run(action);
  };
  target.addEventListener("keydown", listener);
  return () => target.removeEventListener("keydown", listener);
}
