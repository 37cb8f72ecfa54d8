// The layer rules (.dependency-cruiser.cjs) hold on src/, and a wrong arrow is reported: a copy of src/ gets a
// runtime context importing the build side, the model importing a core, and a cycle.
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { cruise } from "../../scripts/depcruise.mjs";

const run = cruise as (root?: string) => { ok: boolean; output: string };
const copy = mkdtempSync(join(tmpdir(), "layers-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("layers", () => {
  test("src/ follows the rules", { timeout: 30_000 }, () => {
    const r = run();
    expect(r.output).toMatch(/no dependency violations found/);
    expect(r.ok).toBe(true);
  });

  test("a deliberate wrong import is reported", { timeout: 30_000 }, () => {
    cpSync("src", join(copy, "src"), { recursive: true });
    cpSync(".dependency-cruiser.cjs", join(copy, ".dependency-cruiser.cjs"));
    appendFileSync(join(copy, "src/content/status.ts"), '\nimport "../dataset/build";\n');
    appendFileSync(join(copy, "src/model/limits.ts"), '\nimport "../notes/validate";\n');
    writeFileSync(
      join(copy, "src/anchoring/loop-a.ts"),
      'import { b } from "./loop-b";\nexport const a = b;\n',
    );
    writeFileSync(
      join(copy, "src/anchoring/loop-b.ts"),
      'import { a } from "./loop-a";\nexport const b = () => a;\n',
    );
    appendFileSync(join(copy, "src/anchoring/index.ts"), '\nexport { a } from "./loop-a";\n');
    const r = run(copy);
    console.log(r.output);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(
      /contexts-never-import-the-build: src\/content\/status\.ts → src\/dataset\/build\.ts/,
    );
    expect(r.output).toMatch(/model-imports-nothing: src\/model\/limits\.ts → src\/notes\/validate\.ts/);
    expect(r.output).toMatch(/no-circular: src\/anchoring\/loop-a\.ts/);
  });
});
