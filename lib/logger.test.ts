import { afterEach, describe, expect, it } from "vitest";
import { formatLogLine, log, scrubSecrets, setLogSink } from "./logger";

afterEach(() => setLogSink(undefined));

describe("logger", () => {
  it("writes one line per event, whatever the input holds", () => {
    const line = formatLogLine("warn", "api.refused", {
      conversationId: 'abc\n{"level":"error","event":"forged"}\r\nxyz',
      nested: { text: "a\u2028b\u0000c" },
    });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).not.toMatch(/[\r\n\u2028]/);
    expect(JSON.parse(line)).toMatchObject({ level: "warn", event: "api.refused" });
  });

  it("keeps its own fields and masks secrets by name and by shape", () => {
    const line = JSON.parse(
      formatLogLine("info", "x", {
        level: "forged",
        password: "hunter2-hunter2",
        headers: { authorization: "Bearer abcdef123456", cookie: "s=1" },
        note: "sent Bearer abcdef1234567890 and api_key=zzzz9999yyyy",
      }),
    ) as Record<string, unknown>;
    expect(line.level).toBe("info");
    expect(JSON.stringify(line)).not.toMatch(/hunter2|abcdef123456|zzzz9999/);
  });

  it("masks a known secret in free text", () => {
    expect(scrubSecrets("echo: zaia_key_1234 done", ["zaia_key_1234"])).toBe("echo: [redacted] done");
  });

  it("goes to the sink, never throws", () => {
    const lines: string[] = [];
    setLogSink((_level, line) => lines.push(line));
    log.error("boom", { error: new Error("bad\nthing") });
    expect(lines).toHaveLength(1);
    setLogSink(() => {
      throw new Error("sink down");
    });
    expect(() => log.info("still fine")).not.toThrow();
  });
});
