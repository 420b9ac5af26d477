// counter-app: a modal dialog keeps the keyboard inside it. This Svelte action makes every
// element beside the dialog and beside each of its ancestors up to <body> `inert` (still drawn,
// but not reachable with Tab nor by a click, and out of the accessibility tree), so Tab and
// Shift+Tab go round the dialog's own controls only. Leaving gives back exactly what it took.
export function inertOutside(node: HTMLElement) {
  const madeInert: HTMLElement[] = [];
  let current: HTMLElement = node;
  while (current.parentElement && current !== current.ownerDocument.body) {
    for (const sibling of Array.from(current.parentElement.children)) {
      if (sibling === current || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      if (sibling.tagName === "SCRIPT" || sibling.tagName === "STYLE") continue;
      sibling.inert = true;
      madeInert.push(sibling);
    }
    current = current.parentElement;
  }
  return {
    destroy() {
      for (const el of madeInert) el.inert = false;
    },
  };
}
