// src/extract is a library a browser can run: it imports only its own files (no Node module, no package, nothing
// from the build side in src/dataset), and touches no Node global.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = "src/extract";
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("src/extract is pure", () => {
  it("has files", () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(`${f} imports only src/extract`, () => {
      const src = readFileSync(`${dir}/${f}`, "utf8");
      const specifiers = [...src.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
      for (const s of specifiers) expect(s, `${f} imports ${s}`).toMatch(/^\.\/[\w-]+$/);
      expect(src).not.toMatch(/\b(?:process|require|__dirname|Buffer)\b\s*[.(]/);
    });
  }
});
