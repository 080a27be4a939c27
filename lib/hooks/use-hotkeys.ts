"use client";

import { useEffect, useEffectEvent, useMemo } from "react";

/**
 * The parts of a `keydown` event the hotkey rules read. A DOM `KeyboardEvent` satisfies it; tests
 * build plain objects of this shape.
 */
export interface HotkeyEvent {
  key: string;
  /** The physical key (`"KeyJ"`); used only to map non-Latin letters to Latin bindings. */
  code?: string;
  target: unknown;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  getModifierState?: (key: string) => boolean;
}

/** Handlers by hotkey: a single key as `event.key` names it (`"j"`, `"#"`, `"Escape"`) or `"mod+k"`. */
export type HotkeyMap<E extends HotkeyEvent = KeyboardEvent> = Record<string, (event: E) => void>;

/** Options of {@link useHotkeys}. */
export interface HotkeyOptions {
  /** Listen only while true (default true); pass false while another surface owns the keyboard. */
  enabled?: boolean;
}

/** A {@link HotkeyMap} split into the two kinds of binding, ready for {@link resolveHotkey}. */
export interface CompiledHotkeys<E extends HotkeyEvent> {
  /** Single keys: characters as typed (`"j"`, `"J"`, `"#"`), named keys lower-cased (`"escape"`). */
  keys: Map<string, (event: E) => void>;
  /** `mod+` chords by lower-cased character (`"k"` for `mod+k`). */
  chords: Map<string, (event: E) => void>;
}

const MOD_PREFIX = "mod+";

/** `<input>` types that take no typed text; letters pressed on them are free for hotkeys. */
const NON_TEXT_INPUT_TYPES = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "file",
  "color",
  "range",
  "image",
  "hidden",
]);

/** ARIA roles of custom widgets that take typed text. */
const TEXT_ROLES = new Set(["textbox", "searchbox", "combobox", "spinbutton"]);

/** Widgets that use printable keys for their own typeahead (Radix menus and selects, cmdk lists). */
const TYPEAHEAD_WIDGET_SELECTOR = '[role="menu"], [role="menubar"], [role="listbox"]';

/** Elements that Enter activates natively; an Enter hotkey must not fire on top of that. */
const ACTIVATABLE_TAGS = new Set(["BUTTON", "A", "SUMMARY", "SELECT", "TEXTAREA"]);
const ACTIVATABLE_ROLES = new Set([
  "button",
  "link",
  "menuitem",
  "menuitemcheckbox",
  "menuitemradio",
  "option",
  "tab",
  "checkbox",
  "radio",
  "switch",
  "treeitem",
]);

function stringProperty(target: unknown, name: string): string | undefined {
  if (typeof target !== "object" || target === null || !(name in target)) return undefined;
  const value: unknown = Reflect.get(target, name);
  return typeof value === "string" ? value : undefined;
}

function attribute(target: unknown, name: string): string | null {
  if (typeof target !== "object" || target === null || !("getAttribute" in target)) return null;
  const getAttribute: unknown = target.getAttribute;
  if (typeof getAttribute !== "function") return null;
  const value: unknown = getAttribute.call(target, name);
  return typeof value === "string" ? value : null;
}

function isInside(target: unknown, selector: string): boolean {
  if (typeof target !== "object" || target === null || !("closest" in target)) return false;
  const closest: unknown = target.closest;
  if (typeof closest !== "function") return false;
  const match: unknown = closest.call(target, selector);
  return match !== null && match !== undefined;
}

/**
 * Whether a key event comes from a place where the user is typing text: a text-like `<input>`, a
 * `<textarea>`, a `<select>`, a contenteditable element, or a custom widget with a text role
 * (`textbox`, `searchbox`, `combobox`, `spinbutton`). Checkboxes, radios, buttons and ranges are
 * not text fields, so shortcuts still work after clicking a row's checkbox.
 */
export function isTypingInField(event: Pick<HotkeyEvent, "target">): boolean {
  const { target } = event;
  const tagName = stringProperty(target, "tagName")?.toUpperCase();
  if (tagName === "TEXTAREA" || tagName === "SELECT") return true;
  if (tagName === "INPUT") {
    const type = (stringProperty(target, "type") ?? attribute(target, "type") ?? "text").toLowerCase();
    return !NON_TEXT_INPUT_TYPES.has(type);
  }
  if (
    typeof target === "object" &&
    target !== null &&
    "isContentEditable" in target &&
    target.isContentEditable === true
  ) {
    return true;
  }
  const role = attribute(target, "role");
  return role !== null && TEXT_ROLES.has(role);
}

/** Whether Enter on this target already does something (press a button, follow a link, pick an option). */
export function isActivatableTarget(target: unknown): boolean {
  const tagName = stringProperty(target, "tagName")?.toUpperCase();
  if (tagName !== undefined && ACTIVATABLE_TAGS.has(tagName)) return true;
  const role = attribute(target, "role");
  return role !== null && ACTIVATABLE_ROLES.has(role);
}

/**
 * Splits and validates a hotkey map. Supported names: one character (`"j"`, `"#"`, `"?"`), a named
 * key (`"Enter"`, `"Escape"`, `"ArrowDown"`, case-insensitive), and `"mod+<character>"` (Ctrl, or ⌘
 * on a Mac). Anything else (`"ctrl+k"`, `"shift+j"`) throws, so a typo fails loudly, not silently.
 */
export function compileHotkeys<E extends HotkeyEvent>(map: HotkeyMap<E>): CompiledHotkeys<E> {
  const keys = new Map<string, (event: E) => void>();
  const chords = new Map<string, (event: E) => void>();
  for (const [name, handler] of Object.entries(map)) {
    if (name.toLowerCase().startsWith(MOD_PREFIX) && name.length === MOD_PREFIX.length + 1) {
      chords.set(name.slice(MOD_PREFIX.length).toLowerCase(), handler);
    } else if (name.length === 1) {
      keys.set(name, handler);
    } else if (/^[A-Za-z][A-Za-z0-9]+$/.test(name)) {
      keys.set(name.toLowerCase(), handler);
    } else {
      throw new Error(
        `Unsupported hotkey "${name}": use one character, a key name such as "Escape", or "mod+<character>".`,
      );
    }
  }
  return { keys, chords };
}

function isLetter(character: string): boolean {
  return character.toLowerCase() !== character.toUpperCase();
}

function isDigit(character: string): boolean {
  return character >= "0" && character <= "9";
}

/**
 * The binding name of a typed letter. On a non-Latin layout (Cyrillic, Greek...) the key under the
 * finger that types `j` on QWERTY yields another letter; its physical code (`KeyJ`) gives the Latin
 * letter, so `j` and `k` work without switching layouts. Latin layouts (AZERTY, QWERTZ) keep the
 * letter they type.
 */
function letterBinding(key: string, code: string | undefined, shiftKey: boolean): string {
  const physical = code !== undefined && /^Key[A-Z]$/.test(code) ? code.slice(3) : undefined;
  const letter = /^[A-Za-z]$/.test(key) || physical === undefined ? key : physical;
  return shiftKey ? letter.toUpperCase() : letter.toLowerCase();
}

/**
 * Finds the handler a key event triggers, or `undefined`. The rules:
 * - Events already handled (`defaultPrevented`, e.g. Escape closing a Radix dialog or menu) and IME
 *   composition never trigger anything.
 * - `mod+<character>` fires with Ctrl or ⌘ (without Alt or Shift), even in a text field.
 * - Single keys never fire with Ctrl or ⌘ held. Alt (Option, or AltGr) blocks letters and digits but
 *   not symbols such as `#`, `/` and `?`, which some layouts can only type with it. Shift is allowed:
 *   keys match on `event.key`, so Shift+3 gives `#` on a US layout and `J` (not `j`) for Shift+J.
 *   Caps Lock does not change a letter binding, and on a non-Latin layout letters bind by their
 *   physical key (the key that types `j` on QWERTY triggers `j`).
 * - Single keys do not fire while typing in a field ({@link isTypingInField}), except Escape, nor
 *   inside a menu or listbox, which uses printable keys for typeahead. Enter does not fire on an
 *   element it already activates ({@link isActivatableTarget}).
 * - Auto-repeat from a held key fires character bindings and `mod+` chords once; named keys such
 *   as arrows may repeat.
 */
export function resolveHotkey<E extends HotkeyEvent>(
  event: E,
  hotkeys: CompiledHotkeys<E>,
): ((event: E) => void) | undefined {
  if (event.defaultPrevented === true || event.isComposing === true || event.key === "Process")
    return undefined;
  const { key } = event;

  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key.length === 1) {
    const chord = hotkeys.chords.get(key.toLowerCase());
    if (chord !== undefined) return event.repeat ? undefined : chord;
  }

  const altGraph = event.getModifierState?.("AltGraph") === true;
  const isCharacter = key.length === 1;
  const characterNeedsAlt = isCharacter && !isLetter(key) && !isDigit(key);
  if ((event.ctrlKey || event.metaKey) && !altGraph) return undefined;
  if ((event.altKey || altGraph) && !characterNeedsAlt) return undefined;

  const lookup = !isCharacter
    ? key.toLowerCase()
    : isLetter(key)
      ? letterBinding(key, event.code, event.shiftKey)
      : key;
  const handler = hotkeys.keys.get(lookup);
  if (handler === undefined) return undefined;

  if (lookup !== "escape" && isTypingInField(event)) return undefined;
  if (isCharacter && isInside(event.target, TYPEAHEAD_WIDGET_SELECTOR)) return undefined;
  if (lookup === "enter" && isActivatableTarget(event.target)) return undefined;
  if (event.repeat && isCharacter) return undefined;
  return handler;
}

/**
 * Runs the handler an event triggers, if any, after `preventDefault()` (so `/` does not also type a
 * slash into the field it focuses, and `mod+k` does not open the browser's search). Returns whether
 * a handler ran.
 */
export function dispatchHotkey<E extends HotkeyEvent & { preventDefault: () => void }>(
  event: E,
  hotkeys: CompiledHotkeys<E>,
): boolean {
  const handler = resolveHotkey(event, hotkeys);
  if (handler === undefined) return false;
  event.preventDefault();
  handler(event);
  return true;
}

/**
 * Binds keyboard shortcuts on `window` while the component is mounted (and `enabled`). See
 * {@link resolveHotkey} for when a key fires. The map may be a new object on every render; the
 * latest handlers always run and the listener is not re-attached.
 *
 * @example
 * useHotkeys({ j: next, k: previous, Enter: open, "mod+k": openPalette, "?": showShortcuts });
 */
export function useHotkeys(map: HotkeyMap, options: HotkeyOptions = {}): void {
  const enabled = options.enabled ?? true;
  const hotkeys = useMemo(() => compileHotkeys(map), [map]);
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    dispatchHotkey(event, hotkeys);
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}
