import { describe, expect, it } from "vitest";
import { classifyAddress, isAllowedKind } from "./address-policy";

describe("classifyAddress", () => {
  const cases: [string, ReturnType<typeof classifyAddress>][] = [
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["0.0.0.0", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "private"],
    ["100.64.0.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "private"],
    ["64:ff9b::a9fe:a9fe", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "private"],
    ["fe80::1%eth0", "private"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["ff02::1", "reserved"],
    ["172.15.0.1", "public"],
    ["172.32.0.1", "public"],
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["api.example.com", null],
  ];
  for (const [address, kind] of cases)
    it(`${address} is ${String(kind)}`, () => expect(classifyAddress(address)).toBe(kind));
});

describe("isAllowedKind", () => {
  it("allows public always, loopback and private only when asked, reserved never", () => {
    const none = { allowLoopback: false, allowPrivate: false };
    const all = { allowLoopback: true, allowPrivate: true };
    expect(isAllowedKind("public", none)).toBe(true);
    expect(isAllowedKind("loopback", none)).toBe(false);
    expect(isAllowedKind("private", none)).toBe(false);
    expect(isAllowedKind("loopback", { allowLoopback: true, allowPrivate: false })).toBe(true);
    expect(isAllowedKind("private", { allowLoopback: true, allowPrivate: false })).toBe(false);
    expect(isAllowedKind("private", { allowLoopback: false, allowPrivate: true })).toBe(true);
    expect(isAllowedKind("reserved", all)).toBe(false);
  });
});
