// npm test: every suite, then one line "N passed, N failed, N skipped" summing them all.
// Suites: TypeScript (strict, no emit), Biome lint, the layer rules (dependency-cruiser), unused files and exports
// (knip), the build, vitest (unit + end-to-end in real Chromium and Firefox), and web-ext lint of dist/firefox. Usage: node scripts/test.mjs [--unit] (skip browsers).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const unitOnly = process.argv.includes("--unit");
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync("test-artifacts", { recursive: true });

function run(name, cmd, args, opts = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    ...opts,
  });
  return r;
}

function check(name, cmd, args) {
  const ok = run(name, cmd, args).status === 0;
  totals[ok ? "passed" : "failed"]++;
  console.log(`${ok ? "✓" : "✗"} ${name}`);
  return ok;
}

const bin = (n) => `node_modules/.bin/${n}`;
check("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
check("lint", bin("biome"), ["check", "."]);
check("layers", process.execPath, ["scripts/depcruise.mjs"]);
check("unused code", bin("knip"), ["--no-progress"]);
const built = check("build", process.execPath, ["build.mjs", "--e2e"]);

const vitestArgs = [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-artifacts/vitest.json",
];
if (unitOnly || !built) vitestArgs.push("--project", "unit");
run("vitest", bin("vitest"), vitestArgs);
if (existsSync("test-artifacts/vitest.json")) {
  const v = JSON.parse(readFileSync("test-artifacts/vitest.json", "utf8"));
  totals.passed += v.numPassedTests;
  // A file that failed without a failing test (a syntax error, a crashed hook) counts as one failure.
  const brokenFiles = v.testResults.filter(
    (r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed"),
  ).length;
  totals.failed += v.numFailedTests + brokenFiles;
  totals.skipped += v.numPendingTests + v.numTodoTests;
} else {
  totals.failed++;
}

if (built && !unitOnly) {
  const r = run(
    "web-ext lint",
    bin("web-ext"),
    ["lint", "--source-dir", "dist/firefox", "--output", "json", "--no-input"],
    { capture: true },
  );
  try {
    const report = JSON.parse(r.stdout);
    const { errors, warnings } = report.summary;
    console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${report.summary.notices} notices`);
    for (const m of [...report.errors, ...report.warnings])
      console.log(`  ${m.code}: ${m.message} (${m.file ?? ""})`);
    totals[errors === 0 ? "passed" : "failed"]++;
    totals[warnings === 0 ? "passed" : "failed"]++;
  } catch {
    console.log("web-ext lint: no report");
    totals.failed++;
  }
}

const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync("test-artifacts/summary.txt", `${line}\n`);
console.log(`\n${line}`);
process.exitCode = totals.failed ? 1 : 0;
