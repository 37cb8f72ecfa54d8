// The first line of a build's scripts when the benchmark's timings are switched on in it: build.mjs writes it, the
// benchmark reads it (bench/longtasks.ts timingsBuild). The timings' code is in the product build too, switched off
// by a constant, so nothing else in the bundle tells the two apart.
export const TIMINGS_BANNER = "/* benchmark timings switched on */";
