/**
 * Notes go through the thread's safe markdown renderer: nothing in a note runs (raw HTML is text,
 * `javascript:` links lose their address), and mention tokens become the users' current names —
 * a chip for an active user, plain text for a deactivated one, never inside code.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "@/components/conversations/thread/safe-markdown";
import { mentionToken, type NoteMention } from "@/lib/model/notes";

const mentions: NoteMention[] = [
  { id: "u-ada", name: "Ada Renamed", active: true },
  { id: "u-old", name: "Old Timer", active: false },
  { id: "u-gone", name: null, active: false },
];

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text, mentions }));

describe("notes through the safe renderer", () => {
  it("never executes HTML or script links", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        'Look <img src=x onerror="alert(2)"> here',
        '[click](javascript:alert(3)) and <a href="javascript:alert(4)">x</a>',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|<img|<a |href="javascript/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Link removed");
  });

  it("shows mentions by their current names: a chip when active, text when deactivated or gone", () => {
    const html = render(
      `Hi ${mentionToken("u-ada")}, ${mentionToken("u-old")} and ${mentionToken("u-gone")}; \`${mentionToken("u-ada")}\``,
    );
    expect(html).toMatch(/<span data-mention="u-ada" class="[^"]*">@Ada Renamed<\/span>/);
    expect(html).toContain("@Old Timer");
    expect(html).not.toContain('data-mention="u-old"');
    expect(html).toContain("@unknown user");
    expect(html).toContain("<code");
    expect(html).toContain("&lt;@u-ada&gt;</code>");
  });

  it("a name cannot inject markup", () => {
    const html = renderToStaticMarkup(
      createElement(SafeMarkdown, {
        text: mentionToken("u-x"),
        mentions: [{ id: "u-x", name: "<b onclick=alert(1)>Eve</b>", active: true }],
      }),
    );
    expect(html).not.toContain("<b");
    expect(html).toContain("@&lt;b onclick=alert(1)&gt;Eve&lt;/b&gt;");
  });
});
