import { describe, expect, it } from "vitest";
import { DomainError, isDomainError, isProviderError, ProviderError } from "./errors";
import type * as Errors from "./errors";

describe("isProviderError", () => {
  it("recognises a provider error thrown by another copy of the module (another route bundle)", async () => {
    // A second evaluation of the module, as a second Next.js bundle holds one.
    const source = "./errors.ts";
    const other = (await import(/* @vite-ignore */ `${source}?copy`)) as typeof Errors;
    const foreign: unknown = new other.ProviderError("not_found", "zaia", "Zaia has no such item (404)");
    expect(foreign instanceof ProviderError).toBe(false);
    expect(isProviderError(foreign)).toBe(true);
    expect(isProviderError(new ProviderError("unavailable", "zaia", "down"))).toBe(true);
    expect(isProviderError(new Error("Zaia has no such item (404)"))).toBe(false);
    expect(isProviderError(null)).toBe(false);
  });

  it("tells domain errors and provider errors apart, from any copy of the module", async () => {
    const source = "./errors.ts";
    const other = (await import(/* @vite-ignore */ `${source}?domain-copy`)) as typeof Errors;
    const foreign: unknown = new other.DomainError("conflict", "taken");
    expect(foreign instanceof DomainError).toBe(false);
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new ProviderError("unavailable", "zaia", "down"))).toBe(false);
    expect(isProviderError(new DomainError("invalid", "no"))).toBe(false);
  });
});
