// counter-app: a modal dialog keeps the keyboard inside it. This Svelte action makes every
// element beside the dialog and beside each of its ancestors up to <body> `inert` (still drawn,
// but not reachable with Tab nor by a click, and out of the accessibility tree), so Tab and
// Shift+Tab go round the dialog's own controls only. Leaving gives back exactly what it took.
export function inertOutside(node: HTMLElement) {
  const madeInert: HTMLElement[] = [];
  let current: HTMLElement = node;
  while (current.parentElement && current !== current.ownerDocument.body) {
    for (const sibling of Array.from(current.parentElement.children)) {
      if (sibling === current || !(sibling instanceof HTMLElement) || sibling.hasAttribute("inert")) continue;
      if (sibling.tagName === "SCRIPT" || sibling.tagName === "STYLE") continue;
      sibling.setAttribute("inert", "");
      madeInert.push(sibling);
    }
    current = current.parentElement;
  }
  return {
    destroy() {
      for (const el of madeInert) el.removeAttribute("inert");
    },
  };
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab on the dialog's last control goes to its first, Shift+Tab on the first to the last (the
 * browser would otherwise leave the page). Call from the dialog's keydown handler. */
export function keepTabInside(event: KeyboardEvent, dialog: HTMLElement | undefined) {
  if (event.key !== "Tab" || !dialog) return;
  const controls = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (controls.length === 0) return;
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = dialog.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
