// Writes what src/model/kinds.ts says into the files that show it: the custom properties of src/shared/ui.css and
// the README's legend, each between its markers. test/model/kinds.test.ts fails when they are out of date.
//   node --import tsx scripts/legend.ts
import { readFileSync, writeFileSync } from "node:fs";
import { cssProperties, readmeLegend } from "../src/model/kinds";

export const MARKERS = {
  css: ["/* kinds: written by scripts/legend.ts from src/model/kinds.ts */", "/* end of kinds */"],
  readme: ["<!-- legend: written by scripts/legend.ts from src/model/kinds.ts -->", "<!-- end of legend -->"],
} as const;

export function replaceBetween(text: string, [start, end]: readonly [string, string], body: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers not found: ${start}`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

if (process.argv[1]?.endsWith("legend.ts")) {
  for (const [file, markers, body] of [
    ["src/shared/ui.css", MARKERS.css, cssProperties()],
    ["README.md", MARKERS.readme, readmeLegend()],
  ] as const) {
    writeFileSync(file, replaceBetween(readFileSync(file, "utf8"), markers, body));
    console.log(`wrote ${file}`);
  }
}
