// duration.HumanDuration and translateTimestampSince as case tables
// (cases from staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go and the AGE column).
import { describe, expect, it } from "vitest";
import { humanDuration, translateTimestampSince } from "./age";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("humanDuration", () => {
  it.each<[number, string]>([
    [-2 * S, "<invalid>"],
    [-1999, "0s"],
    [-1 * S, "0s"],
    [0, "0s"],
    [999, "0s"],
    [1 * S, "1s"],
    [59 * S, "59s"],
    [60 * S, "60s"],
    [119 * S, "119s"],
    [2 * M, "2m"],
    [2 * M + 30 * S, "2m30s"],
    [9 * M + 59 * S, "9m59s"],
    [10 * M, "10m"],
    [10 * M + 59 * S, "10m"],
    [179 * M, "179m"],
    [3 * H, "3h"],
    [3 * H + 5 * M, "3h5m"],
    [7 * H + 59 * M, "7h59m"],
    [8 * H, "8h"],
    [47 * H + 59 * M, "47h"],
    [48 * H, "2d"],
    [2 * D + 3 * H, "2d3h"],
    [3 * D, "3d"],
    [7 * D + 23 * H, "7d23h"],
    [8 * D, "8d"],
    [364 * D, "364d"],
    [2 * 365 * D - 1, "729d"],
    [2 * 365 * D, "2y"],
    [2 * 365 * D + 30 * D, "2y30d"],
    [8 * 365 * D, "8y"],
    [20 * 365 * D, "20y"],
  ])("%d ms → %s", (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe("translateTimestampSince", () => {
  const now = Date.parse("2025-05-20T12:00:00Z");
  it.each<[string | null | undefined, string]>([
    [undefined, "<unknown>"],
    [null, "<unknown>"],
    ["", "<unknown>"],
    ["2025-05-20T11:55:00Z", "5m"],
    ["2025-05-20T11:59:15Z", "45s"],
    ["2025-05-20T12:00:30Z", "<invalid>"],
  ])("%s → %s", (timestamp, expected) => {
    expect(translateTimestampSince(timestamp, now)).toBe(expected);
  });
});
