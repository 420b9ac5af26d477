// counter-app: while a PIN is typed the screen shows the PIN dialog and nothing else. This
// Svelte action hides (the `hidden` attribute: not drawn, not in the accessibility tree, not
// reachable with Tab) every element beside the dialog and beside each of its ancestors up to
// <body>, so no one's personal data is anywhere on screen, not merely covered. Nothing is
// moved; leaving puts back exactly what it hid.
export function pinOnly(node: HTMLElement) {
  const hiddenNow: HTMLElement[] = [];
  let current: HTMLElement = node;
  while (current.parentElement && current !== current.ownerDocument.body) {
    for (const sibling of Array.from(current.parentElement.children)) {
      if (sibling === current || !(sibling instanceof HTMLElement) || sibling.hidden) continue;
      if (sibling.tagName === "SCRIPT" || sibling.tagName === "STYLE") continue;
      sibling.hidden = true;
      hiddenNow.push(sibling);
    }
    current = current.parentElement;
  }
  return {
    destroy() {
      for (const el of hiddenNow) el.hidden = false;
    },
  };
}
