/**
 * Makes everything outside `element` inert (not focusable, not clickable, hidden from assistive
 * technology) by setting `inert` on each child of `<body>` that does not contain it, and returns the
 * function that undoes exactly what it set.
 *
 * Radix Select is always modal: while open it marks the rest of the page `aria-hidden` but leaves it
 * focusable, which axe reports as a serious `aria-hidden-focus` violation (radix-ui/primitives#1927,
 * #2459). `inert` is the remedy axe accepts and matches what the modal listbox means. An element that
 * is not in the document (Radix renders closed content into a fragment) is left alone.
 */
export function makeOutsideInert(element: HTMLElement): () => void {
  if (!element.isConnected) return () => undefined;
  const changed: HTMLElement[] = [];
  for (const child of element.ownerDocument.body.children) {
    if (!(child instanceof HTMLElement) || child.contains(element) || child.inert) continue;
    if (child.tagName === "SCRIPT" || child.tagName === "STYLE") continue;
    child.inert = true;
    changed.push(child);
  }
  return () => {
    for (const child of changed) child.inert = false;
  };
}
