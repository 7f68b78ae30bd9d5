import { describe, expect, it } from "vitest";
import { nextDevice } from "./attach-detach";

const letters = (from: string, to: string) =>
  Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) =>
    String.fromCharCode(from.charCodeAt(0) + i),
  );

describe("nextDevice (the sd driver's lowest free name; sda is the boot disk)", () => {
  it.each([
    [[], "/dev/sdb"],
    [["/dev/sdb"], "/dev/sdc"],
    [["/dev/sdc"], "/dev/sdb"],
    [["/dev/sdb", "/dev/sdd"], "/dev/sdc"],
    [letters("b", "z").map((l) => `/dev/sd${l}`), "/dev/sdaa"],
    [[...letters("b", "z"), ...letters("a", "z").map((l) => `a${l}`)].map((l) => `/dev/sd${l}`), "/dev/sdba"],
  ])("%j in use: %s", (used, next) => {
    expect(nextDevice(new Set(used))).toBe(next);
  });
});
