import { performance } from "node:perf_hooks";
import { CONTROLLERS } from "../../engine/src/controllers/settle";

const stats = new Map<string, { calls: number; ms: number; changed: number }>();
for (const c of CONTROLLERS as unknown as { run: (tx: { changes: number }) => void }[]) {
  const f = c.run;
  const name = f.name;
  c.run = (tx) => {
    const t = performance.now();
    const before = tx.changes;
    f(tx);
    const s = stats.get(name) ?? { calls: 0, ms: 0, changed: 0 };
    s.calls++;
    s.ms += performance.now() - t;
    if (tx.changes !== before) s.changed++;
    stats.set(name, s);
  };
}
await import("./grade.bench.ts");
const runs = 60;
let tot = 0;
for (const [n, s] of stats) {
  tot += s.ms;
  console.log(
    n.padEnd(28),
    String(Math.round(s.calls / runs)).padStart(5),
    "calls",
    String(Math.round(s.changed / runs)).padStart(4),
    "changed",
    (s.ms / runs).toFixed(2).padStart(7),
    "ms",
  );
}
console.log("total", (tot / runs).toFixed(2));
