import type * as React from "react";

/**
 * Keeps `aria-activedescendant` on a cmdk input and list pointing at the item cmdk marks selected.
 *
 * cmdk 1.1.1 leaves the attribute absent at mount and stale after filtering, naming an item that was
 * filtered out (an invalid reference that axe reports as critical) or one other than the highlighted
 * item, so screen readers announce the wrong option (dip/cmdk#373, dip/cmdk#413). This watches the
 * root for selection and attribute changes and rewrites the attribute from `[aria-selected="true"]`.
 * Returns the function that stops watching.
 */
export function keepActiveDescendantInSync(root: HTMLElement): () => void {
  const update = () => {
    const selectedId = root.querySelector('[cmdk-item][aria-selected="true"]')?.id || null;
    for (const owner of root.querySelectorAll("[cmdk-input], [cmdk-list]")) {
      const current = owner.getAttribute("aria-activedescendant");
      if (selectedId === null && current !== null) owner.removeAttribute("aria-activedescendant");
      if (selectedId !== null && current !== selectedId)
        owner.setAttribute("aria-activedescendant", selectedId);
    }
  };
  const observer = new MutationObserver(update);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["aria-selected", "aria-activedescendant"],
  });
  update();
  return () => observer.disconnect();
}

/** Gives `value` to a caller's ref, whether it is a callback or an object. */
export function assignRef<T>(ref: React.Ref<T> | undefined, value: T | null): void {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}
