import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";

describe("newId", () => {
  it("makes 26-char lowercase ids that sort in creation order, even within one millisecond", () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 1000 }, () => newId(now));
    expect(ids.every((id) => /^[a-z0-9]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    const later = newId(now + 1);
    expect(later > ids[ids.length - 1]!).toBe(true);
  });

  it("never goes backwards when the clock does", () => {
    const a = newId(Date.now() + 120_000);
    const b = newId(Date.now());
    expect(b > a).toBe(true);
  });
});
