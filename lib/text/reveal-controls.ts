/**
 * Untrusted text (provider content, connection names) may carry invisible characters that change
 * what people see: a RIGHT-TO-LEFT OVERRIDE (U+202E) turns "Evil Cozmox \u202Eevil" into
 * "Evil Cozmox live". Parley never lets them act: it shows them as visible markers such as
 * `⟨U+202E⟩`, and the components put untrusted text in its own bidi isolate (`<bdi>`,
 * `dir="auto"`), so what is left cannot reorder the text around it.
 *
 * Two strengths, because message bodies are long prose where some invisible characters are
 * legitimate (zero-width joiners in emoji, marks in right-to-left text):
 * - `revealControls` (names, titles, labels): every explicit bidi control and every other
 *   invisible control character, except the zero-width joiner inside emoji sequences;
 * - `revealBidiOverrides` (message bodies): the explicit embeddings, overrides and isolates only
 *   (U+202A–U+202E, U+2066–U+2069), the characters that reorder text.
 */

/** Embeddings, overrides and isolates: the characters that reorder text. */
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Those, the bidi marks (LRM, RLM, ALM), C0 and C1 controls except tab and line breaks, zero-width
 * spaces and non-joiners, word joiner and invisible operators, soft hyphen, the byte-order mark,
 * and interlinear annotation characters.
 */
const INVISIBLE_CONTROLS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** The marker shown in place of an invisible character: `⟨U+202E⟩`. */
export function controlMarker(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** A name or title with every invisible control character shown as a marker. */
export function revealControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, controlMarker);
}

/** A message body with the reordering characters shown as markers; other text untouched. */
export function revealBidiOverrides(text: string): string {
  return text.replace(BIDI_OVERRIDES, controlMarker);
}

/** Whether the text holds anything `revealControls` would show. */
export function hasInvisibleControls(text: string): boolean {
  return new RegExp(INVISIBLE_CONTROLS.source).test(text);
}
