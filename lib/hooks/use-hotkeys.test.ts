import { describe, expect, it } from "vitest";

import {
  compileHotkeys,
  dispatchHotkey,
  isActivatableTarget,
  isTypingInField,
  resolveHotkey,
  type HotkeyEvent,
} from "@/lib/hooks/use-hotkeys";

/** A stand-in for a DOM element: tag, attributes, contenteditable, and the ancestors `closest` sees. */
interface FakeElementInit {
  tagName: string;
  type?: string;
  attributes?: Record<string, string>;
  isContentEditable?: boolean;
  /** Selectors that `closest()` matches (an ancestor with that role, say). */
  insideSelectors?: string[];
}

function element(init: FakeElementInit) {
  const attributes = init.attributes ?? {};
  return {
    tagName: init.tagName,
    ...(init.type === undefined ? {} : { type: init.type }),
    isContentEditable: init.isContentEditable ?? false,
    getAttribute: (name: string): string | null => attributes[name] ?? null,
    closest: (selector: string): object | null =>
      (init.insideSelectors ?? []).some((inside) => selector.includes(inside)) ? {} : null,
  };
}

const body = element({ tagName: "BODY" });

type TestEvent = HotkeyEvent & { prevented: boolean; preventDefault: () => void };

function keydown(key: string, overrides: Partial<HotkeyEvent> = {}): TestEvent {
  const event: TestEvent = {
    key,
    target: body,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    repeat: false,
    isComposing: false,
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...overrides,
  };
  return event;
}

/** Compiles a map whose handlers record their own name, and returns what one event fired. */
function fired(names: string[], event: TestEvent): string | undefined {
  const calls: string[] = [];
  const map = Object.fromEntries(names.map((name) => [name, () => void calls.push(name)]));
  const hotkeys = compileHotkeys<TestEvent>(map);
  dispatchHotkey(event, hotkeys);
  return calls[0];
}

const SHORTCUTS = ["j", "k", "Enter", "Escape", "s", "e", "r", "#", "z", "/", "?", "mod+k"];

describe("isTypingInField", () => {
  it.each([
    ["a text input", element({ tagName: "INPUT", type: "text" })],
    ["a search input", element({ tagName: "INPUT", type: "search" })],
    ["a date input", element({ tagName: "INPUT", type: "date" })],
    ["an input with no type", element({ tagName: "INPUT" })],
    ["a lower-case input tag", element({ tagName: "input", type: "email" })],
    ["a textarea", element({ tagName: "TEXTAREA" })],
    ["a select", element({ tagName: "SELECT" })],
    ["a contenteditable element", element({ tagName: "DIV", isContentEditable: true })],
    ["a role=textbox widget", element({ tagName: "DIV", attributes: { role: "textbox" } })],
    ["a role=combobox widget", element({ tagName: "DIV", attributes: { role: "combobox" } })],
  ])("is true in %s", (_label, target) => {
    expect(isTypingInField({ target })).toBe(true);
  });

  it.each([
    ["the body", body],
    ["a button", element({ tagName: "BUTTON" })],
    ["a checkbox input", element({ tagName: "INPUT", type: "checkbox" })],
    ["a radio input", element({ tagName: "INPUT", type: "radio" })],
    ["a range input", element({ tagName: "INPUT", type: "range" })],
    ["a Radix checkbox", element({ tagName: "BUTTON", attributes: { role: "checkbox" } })],
    ["a table row", element({ tagName: "TR", attributes: { tabindex: "0" } })],
    ["a null target", null],
    ["a window-like target", {}],
  ])("is false in %s", (_label, target) => {
    expect(isTypingInField({ target })).toBe(false);
  });

  it("reads the type attribute when the element has no type property", () => {
    const target = element({ tagName: "INPUT", attributes: { type: "checkbox" } });
    expect(isTypingInField({ target })).toBe(false);
  });
});

describe("isActivatableTarget", () => {
  it("is true for buttons, links and option-like roles", () => {
    expect(isActivatableTarget(element({ tagName: "BUTTON" }))).toBe(true);
    expect(isActivatableTarget(element({ tagName: "A" }))).toBe(true);
    expect(isActivatableTarget(element({ tagName: "DIV", attributes: { role: "menuitem" } }))).toBe(true);
    expect(isActivatableTarget(element({ tagName: "DIV", attributes: { role: "option" } }))).toBe(true);
  });

  it("is false for plain containers and rows", () => {
    expect(isActivatableTarget(body)).toBe(false);
    expect(isActivatableTarget(element({ tagName: "TR" }))).toBe(false);
    expect(isActivatableTarget(element({ tagName: "DIV", attributes: { role: "row" } }))).toBe(false);
  });
});

describe("compileHotkeys", () => {
  it("accepts single characters, key names and mod chords", () => {
    const hotkeys = compileHotkeys(Object.fromEntries(SHORTCUTS.map((name) => [name, () => undefined])));
    expect([...hotkeys.keys.keys()].sort()).toEqual([
      "#",
      "/",
      "?",
      "e",
      "enter",
      "escape",
      "j",
      "k",
      "r",
      "s",
      "z",
    ]);
    expect([...hotkeys.chords.keys()]).toEqual(["k"]);
  });

  it.each(["ctrl+k", "shift+j", "mod+", "mod+kk", "j k", ""])("rejects %j loudly", (name) => {
    expect(() => compileHotkeys({ [name]: () => undefined })).toThrow(/Unsupported hotkey/);
  });
});

describe("resolveHotkey and dispatchHotkey", () => {
  it("fires each single key on the page and prevents the browser default", () => {
    for (const key of ["j", "k", "Enter", "Escape", "s", "e", "r", "#", "z", "/", "?"]) {
      const event = keydown(key, { shiftKey: key === "#" || key === "?" });
      expect(fired(SHORTCUTS, event)).toBe(key);
      expect(event.prevented).toBe(true);
    }
  });

  it("leaves unbound keys alone", () => {
    const event = keydown("x");
    expect(fired(SHORTCUTS, event)).toBeUndefined();
    expect(event.prevented).toBe(false);
  });

  it("does not fire single keys while typing in a field", () => {
    const input = element({ tagName: "INPUT", type: "text" });
    for (const key of ["j", "s", "#", "/", "?", "Enter"]) {
      const event = keydown(key, { target: input });
      expect(fired(SHORTCUTS, event)).toBeUndefined();
      expect(event.prevented).toBe(false);
    }
    expect(fired(SHORTCUTS, keydown("e", { target: element({ tagName: "TEXTAREA" }) }))).toBeUndefined();
    expect(
      fired(SHORTCUTS, keydown("z", { target: element({ tagName: "P", isContentEditable: true }) })),
    ).toBeUndefined();
  });

  it("fires Escape and mod+k even in a field", () => {
    const input = element({ tagName: "INPUT", type: "search" });
    expect(fired(SHORTCUTS, keydown("Escape", { target: input }))).toBe("Escape");
    expect(fired(SHORTCUTS, keydown("k", { target: input, ctrlKey: true }))).toBe("mod+k");
    expect(fired(SHORTCUTS, keydown("k", { target: input, metaKey: true }))).toBe("mod+k");
  });

  it("matches mod+k with Caps Lock on, but not with Shift or Alt added", () => {
    expect(fired(SHORTCUTS, keydown("K", { ctrlKey: true }))).toBe("mod+k");
    expect(fired(SHORTCUTS, keydown("K", { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("k", { metaKey: true, altKey: true }))).toBeUndefined();
  });

  it("does not fire single keys with Ctrl, ⌘ or Alt held", () => {
    expect(fired(SHORTCUTS, keydown("j", { ctrlKey: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("s", { metaKey: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("e", { altKey: true }))).toBeUndefined();
    expect(fired(["1"], keydown("1", { altKey: true }))).toBeUndefined();
  });

  it("fires symbols typed with Shift, Option or AltGr, as some layouts require", () => {
    expect(fired(SHORTCUTS, keydown("#", { shiftKey: true }))).toBe("#");
    expect(fired(SHORTCUTS, keydown("#", { altKey: true }))).toBe("#");
    const altGraph = (key: string) => key === "AltGraph";
    expect(fired(SHORTCUTS, keydown("#", { ctrlKey: true, altKey: true, getModifierState: altGraph }))).toBe(
      "#",
    );
    expect(fired(SHORTCUTS, keydown("?", { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it("treats Shift+letter as the upper-case key and ignores Caps Lock", () => {
    expect(fired(SHORTCUTS, keydown("J", { shiftKey: true }))).toBeUndefined();
    expect(fired(["J"], keydown("J", { shiftKey: true }))).toBe("J");
    expect(fired(SHORTCUTS, keydown("J"))).toBe("j");
  });

  it("binds letters by physical key on a non-Latin layout, but not on a Latin one", () => {
    expect(fired(SHORTCUTS, keydown("о", { code: "KeyJ" }))).toBe("j");
    expect(fired(SHORTCUTS, keydown("л", { code: "KeyK" }))).toBe("k");
    expect(fired(SHORTCUTS, keydown("a", { code: "KeyQ" }))).toBeUndefined();
    expect(fired(["a"], keydown("a", { code: "KeyQ" }))).toBe("a");
  });

  it("fires a held letter or symbol once, but lets named keys repeat", () => {
    expect(fired(SHORTCUTS, keydown("s", { repeat: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("#", { repeat: true, shiftKey: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("k", { repeat: true, ctrlKey: true }))).toBeUndefined();
    expect(fired(["ArrowDown"], keydown("ArrowDown", { repeat: true }))).toBe("ArrowDown");
  });

  it("ignores events already handled and IME composition", () => {
    expect(fired(SHORTCUTS, keydown("Escape", { defaultPrevented: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("j", { isComposing: true }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("Process"))).toBeUndefined();
  });

  it("leaves printable keys to the typeahead of an open menu or listbox", () => {
    const menuItem = element({
      tagName: "DIV",
      attributes: { role: "menuitem" },
      insideSelectors: ['[role="menu"]'],
    });
    expect(fired(SHORTCUTS, keydown("s", { target: menuItem }))).toBeUndefined();
    const option = element({
      tagName: "DIV",
      attributes: { role: "option" },
      insideSelectors: ['[role="listbox"]'],
    });
    expect(fired(SHORTCUTS, keydown("e", { target: option }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("Escape", { target: menuItem }))).toBe("Escape");
  });

  it("does not fire Enter on a button or link, which Enter already activates", () => {
    expect(fired(SHORTCUTS, keydown("Enter", { target: element({ tagName: "BUTTON" }) }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("Enter", { target: element({ tagName: "A" }) }))).toBeUndefined();
    expect(fired(SHORTCUTS, keydown("Enter", { target: element({ tagName: "TR" }) }))).toBe("Enter");
    expect(fired(SHORTCUTS, keydown("j", { target: element({ tagName: "BUTTON" }) }))).toBe("j");
  });

  it("matches key names case-insensitively", () => {
    expect(fired(["escape"], keydown("Escape"))).toBe("escape");
    expect(fired(["ENTER"], keydown("Enter"))).toBe("ENTER");
  });

  it("passes the event to the handler and reports whether one ran", () => {
    const received: TestEvent[] = [];
    const hotkeys = compileHotkeys<TestEvent>({ j: (event) => void received.push(event) });
    const event = keydown("j");
    expect(dispatchHotkey(event, hotkeys)).toBe(true);
    expect(received).toEqual([event]);
    expect(dispatchHotkey(keydown("x"), hotkeys)).toBe(false);
    expect(resolveHotkey(keydown("k"), hotkeys)).toBeUndefined();
  });
});
