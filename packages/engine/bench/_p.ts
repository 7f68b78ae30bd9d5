import { performance } from "node:perf_hooks";
import { applyManifests, createCluster } from "../src/index";
import { LESSON } from "./apply-cases";

const created = createCluster({ seed: 42, topology: LESSON.topology });
if (!created.ok) throw new Error("x");
for (let i = 0; i < 2000; i++) applyManifests(created.state, [{ name: "b.yaml", text: LESSON.text }]);
const t = performance.now();
for (let i = 0; i < 3000; i++) applyManifests(created.state, [{ name: "b.yaml", text: LESSON.text }]);
console.log("lesson", ((performance.now() - t) / 3000).toFixed(2), "ms");
