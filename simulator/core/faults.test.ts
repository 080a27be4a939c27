import { describe, expect, it } from "vitest";
import { faultSettingsSchema, FaultState } from "./faults";

describe("fault state", () => {
  it("fails only the numbered writes, counting from when the settings were set", () => {
    const faults = new FaultState();
    faults.set(faultSettingsSchema.parse({ failWriteNumbers: [2] }));
    expect(faults.decide("GET").kind).toBe("none");
    expect(faults.decide("PATCH").kind).toBe("none");
    expect(faults.decide("GET").kind).toBe("none");
    expect(faults.decide("PATCH").kind).toBe("error");
    expect(faults.decide("PATCH").kind).toBe("none");
    faults.set(faultSettingsSchema.parse({ failWriteNumbers: [1] }));
    expect(faults.decide("DELETE").kind).toBe("error");
  });

  it("fails a deterministic share of requests", () => {
    const faults = new FaultState();
    faults.set(faultSettingsSchema.parse({ errorRate: 0.5 }));
    const kinds = Array.from({ length: 4 }, () => faults.decide().kind);
    expect(kinds.filter((kind) => kind === "error")).toHaveLength(2);
  });
});
