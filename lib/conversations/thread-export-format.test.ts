import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import type { ConversationDetail, Message } from "@/lib/model/conversation";
import { escapeMarkdown, threadFileName, threadJson, threadMarkdown } from "./thread-export-format";

const conversation = {
  connectionId: "c1",
  connectionName: "Demo Cozmox",
  provider: "cozmox",
  id: "chat/1",
  title: "Refund",
  status: "ended",
  createdAt: "2026-01-01T00:00:00.000Z",
  lastActivityAt: null,
  cost: null,
} as unknown as ConversationDetail;

const message = (overrides: Partial<Message>): Message => ({
  id: "m",
  role: "user",
  providerRole: null,
  text: "",
  createdAt: null,
  toolCalls: [],
  toolCallId: null,
  sources: [],
  rating: null,
  cost: null,
  ...overrides,
});

describe("thread download", () => {
  it("writes Markdown with a header, one section per message, fenced tool calls", () => {
    const markdown = threadMarkdown(
      conversation,
      [
        message({ text: "Hello", createdAt: "2026-01-01T00:00:01.000Z" }),
        message({
          role: "assistant",
          text: "Looking",
          toolCalls: [{ id: "t", name: "lookup", arguments: '{"a":"```"}', result: "ok" }],
        }),
      ],
      "http://x/conversations/c1/chat%2F1",
    );
    expect(markdown).toContain("# Refund\n");
    expect(markdown).toContain("- Cost: unknown");
    expect(markdown).toContain("## User · 2026-01-01T00:00:01.000Z\n\nHello");
    expect(markdown).toContain('**Tool call: lookup**\n\n````\n{"a":"```"}\n````');
    expect(markdown).toContain("- In Parley: <http://x/conversations/c1/chat%2F1>");
    expect(markdown).toContain("- Messages: 2");
  });

  it("writes JSON with the conversation and every message, and a safe file name", () => {
    const parsed = JSON.parse(threadJson(conversation, [message({ text: "x" })], "u")) as {
      messages: unknown[];
      conversation: { id: string };
    };
    expect(parsed.conversation.id).toBe("chat/1");
    expect(parsed.messages).toHaveLength(1);
    expect(threadFileName({ id: "../a b/c" }, "md")).toBe("parley-conversation-.._a_b_c.md");
    expect(threadFileName({ id: "///" }, "json")).toBe("parley-conversation-_.json");
  });
});

describe("Markdown of untrusted text", () => {
  it("escapes inline markup: emphasis, links, images, HTML, entities, code, tables, strikethrough", () => {
    expect(escapeMarkdown("**bold** _it_ [a](x) ![i](y) <b>x</b> &amp; `c` a|b ~~s~~")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\[a\\](x) \\!\\[i\\](y) \\<b\\>x\\</b\\> \\&amp; \\`c\\` a\\|b \\~\\~s\\~\\~",
    );
    expect(escapeMarkdown("a \\ b")).toBe("a \\\\ b");
  });

  it("escapes what opens a block at the start of a line, and keeps indents out of code blocks", () => {
    expect(escapeMarkdown("# Title")).toBe("\\# Title");
    expect(escapeMarkdown("> quote")).toBe("\\> quote");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("12. item")).toBe("12\\. item");
    expect(escapeMarkdown("3) item")).toBe("3\\) item");
    expect(escapeMarkdown("===")).toBe("\\===");
    expect(escapeMarkdown("    code")).toBe("\u00a0\u00a0\u00a0\u00a0code");
    // Not at the start of a line, these are plain text already.
    expect(escapeMarkdown("a - b = 3. c")).toBe("a - b = 3. c");
  });

  it("renders as the text itself through a Markdown renderer with GitHub's extensions", () => {
    const samples = [
      "**bold** _it_ [a](http://x) ![i](y) <b>x</b> &amp; `c` a|b ~~s~~ <!-- c -->",
      "# T\n> q\n- i\n+ j\n1. k\n2) l\n===\n---\n***\n    code",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      "```js\nx\n```",
      "[x]: http://evil\n[x] see https://y.example",
      "a\\b\\\\c\\",
    ];
    for (const sample of samples) {
      const html = renderToStaticMarkup(
        createElement(Markdown, { remarkPlugins: [remarkGfm] }, escapeMarkdown(sample)),
      );
      // Bare web addresses may be linked (GitHub does so in plain text too); their text is unchanged.
      const unlinked = html.replace(/<a href="(https?:\/\/[^"]*)">\1<\/a>/g, "$1");
      // One paragraph of text and line breaks: no other link, emphasis, heading, list, table or code.
      expect(unlinked.replace(/<br\/>|<\/?p>/g, "")).not.toMatch(/<[a-z]/);
      const text = unlinked
        .replace(/<br\/>\n?/g, "\n")
        .replace(/<\/?p>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/\u00a0/g, " ");
      expect(text.trim()).toBe(sample);
    }
  });

  it("keeps line breaks (hard breaks) and paragraphs", () => {
    expect(escapeMarkdown("one\ntwo\r\n\r\nthree\n   \nfour")).toBe("one  \ntwo\n\nthree\n\nfour");
  });

  it("escapes provider text in a thread: message, role, tool name and sources; tool calls stay fenced", () => {
    const markdown = threadMarkdown(
      { ...conversation, title: "<script>alert(1)</script>" } as ConversationDetail,
      [
        message({
          role: "unknown",
          providerRole: "*bot*",
          text: "[click](javascript:alert(1))",
          toolCalls: [{ id: "t", name: "<img>", arguments: "<b>", result: null }],
          sources: [{ title: "**S**", url: "https://x/<y>" }] as Message["sources"],
        }),
      ],
      "http://x/c",
    );
    expect(markdown).toContain("# \\<script\\>alert(1)\\</script\\>\n");
    expect(markdown).toContain("## \\*bot\\*\n");
    expect(markdown).toContain("\\[click\\](javascript:alert(1))");
    expect(markdown).toContain("**Tool call: \\<img\\>**\n\n```\n<b>\n```");
    expect(markdown).toContain("- Source: \\*\\*S\\*\\* — https://x/\\<y\\>");
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
  });
});
