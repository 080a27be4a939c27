import { describe, expect, it } from "vitest";
import { hasInvisibleControls, revealBidiOverrides, revealControls } from "./reveal-controls";

describe("revealControls", () => {
  it("shows a right-to-left override instead of letting it reverse the name", () => {
    expect(revealControls("Evil Cozmox \u202Eevil")).toBe("Evil Cozmox ⟨U+202E⟩evil");
  });

  it("shows every explicit bidi control, bidi marks and other invisible controls", () => {
    const all =
      "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\uFEFF\u0007\u0085";
    expect(revealControls(all)).toBe(
      "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩⟨U+200B⟩⟨U+FEFF⟩⟨U+0007⟩⟨U+0085⟩",
    );
  });

  it("leaves ordinary text, right-to-left scripts, emoji sequences and line breaks as they are", () => {
    for (const text of [
      "Shipping to Canada 🇨🇦",
      "استفسار عن الطلب 📦",
      "בירור על משלוח",
      "👩‍💻 dev",
      "a\tb\nc",
      "订单发货时间",
    ])
      expect(revealControls(text)).toBe(text);
    expect(hasInvisibleControls("👩‍💻")).toBe(false);
    expect(hasInvisibleControls("x\u202Ey")).toBe(true);
  });
});

describe("revealBidiOverrides", () => {
  it("shows the reordering characters in a message and keeps marks that right-to-left prose uses", () => {
    expect(revealBidiOverrides("pay \u202Eevil\u202C now")).toBe("pay ⟨U+202E⟩evil⟨U+202C⟩ now");
    expect(revealBidiOverrides("\u2067שלום\u2069 and \u200Fok")).toBe("⟨U+2067⟩שלום⟨U+2069⟩ and \u200Fok");
  });
});
