import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { runEveryControllerEveryPass } from "../src/controllers/settle";
import { op, runOps } from "./random-ops";

// A pass skips a controller when nothing it watches changed (controllers/settle.ts). That is only
// an optimisation if the watch lists are complete: running every controller in every pass must
// give the very same bytes.
describe("controllers' watch lists", () => {
  afterEach(() => runEveryControllerEveryPass(false));

  it("skipping controllers whose inputs did not change gives the same state as running them all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(op, { maxLength: 16 }), (seed, ops) => {
        runEveryControllerEveryPass(false);
        const skipping = JSON.stringify(runOps(seed, ops));
        runEveryControllerEveryPass(true);
        const everyPass = JSON.stringify(runOps(seed, ops));
        expect(skipping).toBe(everyPass);
      }),
      { seed: 20261202, numRuns: 80 },
    );
  });
});
