// The layer check: dependency-cruiser with the rules of .dependency-cruiser.cjs over src/.
// dependency-cruiser parses TypeScript only with the `typescript` package up to 6, and this project compiles with
// TypeScript 7 (native, no JS API), so each module is first turned into JavaScript by esbuild with every import
// kept, type-only ones included (they are arrows between layers too). Usage: node scripts/depcruise.mjs [root]
// (root: a folder holding src/ and .dependency-cruiser.cjs; default the working directory). Exit code 1 on a
// violation.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const depcruiseBin = resolve(here, "../node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Type-only imports and exports become value ones, so esbuild keeps them (verbatimModuleSyntax keeps the rest). */
const keepTypeImports = (src) =>
  src
    .replace(
      /\b(import|export)\s+type\s+(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\b/g,
      (_, kw, what) => `${kw} ${what} from`,
    )
    .replace(
      /\b(import|export)\s*\{([^}]*)\}\s*from\b/g,
      (_, kw, names) => `${kw} {${names.replace(/\btype\s+(?=[\w$])/g, "")}} from`,
    );

/** Cruise `root`/src with `root`/.dependency-cruiser.cjs; `output` names the original .ts/.tsx files. */
export function cruise(root = process.cwd()) {
  const tmp = mkdtempSync(join(tmpdir(), "depcruise-"));
  try {
    const names = new Map();
    for (const file of walk(join(root, "src"))) {
      const rel = relative(root, file);
      const m = /\.(tsx?)$/.exec(rel);
      if (!m || rel.endsWith(".d.ts")) continue;
      const out = rel.replace(/\.tsx?$/, ".js");
      names.set(out, rel);
      const { code } = transformSync(keepTypeImports(readFileSync(file, "utf8")), {
        loader: m[1],
        format: "esm",
        jsx: "automatic",
        jsxImportSource: "preact",
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      });
      mkdirSync(dirname(join(tmp, out)), { recursive: true });
      writeFileSync(join(tmp, out), code);
    }
    writeFileSync(join(tmp, ".dependency-cruiser.cjs"), readFileSync(join(root, ".dependency-cruiser.cjs")));
    const r = spawnSync(
      process.execPath,
      [depcruiseBin, "src", "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
      { cwd: tmp, encoding: "utf8" },
    );
    let output = `${r.stdout}${r.stderr}`;
    for (const [js, ts] of names) output = output.split(js).join(ts);
    return { ok: r.status === 0, output: output.trim() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, output } = cruise(process.argv[2] ? resolve(process.argv[2]) : process.cwd());
  console.log(output);
  process.exitCode = ok ? 0 : 1;
}
