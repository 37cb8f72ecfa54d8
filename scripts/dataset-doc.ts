// Writes the dataset's format, as src/dataset/dataset-schema.ts defines it, into docs/dataset.md between its
// markers, so the document cannot drift from the schema; test/dataset/format-doc.test.ts fails when it is stale.
//   node --import tsx scripts/dataset-doc.ts
import { readFileSync, writeFileSync } from "node:fs";
import { datasetSchema, NAMED_SHAPES } from "../src/dataset/dataset-schema";
import { replaceBetween } from "./legend";

export const FORMAT_MARKERS = [
  "<!-- format: written by scripts/dataset-doc.ts from src/dataset/dataset-schema.ts -->",
  "<!-- end of format -->",
] as const;

interface Schema {
  type?: string | readonly string[];
  const?: unknown;
  enum?: readonly unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  required?: readonly string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

const NAMES = new Map<unknown, string>(Object.entries(NAMED_SHAPES).map(([name, shape]) => [shape, name]));

/** A leaf's type in a few words: `"a" | "b"`, `string ~ ^https?://`, `number 0..1`. */
function leaf(s: Schema): string {
  const named = NAMES.get(s);
  if (named) return named;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (!s.properties && s.required) return `{ ${s.required.join(", ")} }`;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const range = s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}..${s.maximum}` : "";
  return `${type}${range}${s.pattern ? ` ~ ${s.pattern}` : ""}`;
}

/** One line per field, nested fields indented; `?` marks a field that may be absent, `[]` a list of them. */
export function formatLines(s: Schema, depth = 0): string[] {
  const out: string[] = [];
  for (const [name, p] of Object.entries(s.properties ?? {})) {
    const optional = s.required?.includes(name) ? "" : "?";
    const list = p.type === "array" ? "[]" : "";
    const inner = p.type === "array" ? (p.items ?? {}) : p;
    const label = `${"  ".repeat(depth)}${name}${optional}${list}`;
    if (inner.properties && !NAMES.has(inner)) out.push(`${label}:`, ...formatLines(inner, depth + 1));
    else out.push(`${label}: ${leaf(inner)}`);
  }
  return out;
}

export const formatBlock = (): string =>
  [
    "```",
    ...formatLines(datasetSchema as Schema),
    ...Object.entries(NAMED_SHAPES).flatMap(([name, shape]) => [
      "",
      `${name}:`,
      ...formatLines(shape as Schema, 1),
    ]),
    "```",
  ].join("\n");

if (process.argv[1]?.endsWith("dataset-doc.ts")) {
  const file = "docs/dataset.md";
  writeFileSync(file, replaceBetween(readFileSync(file, "utf8"), FORMAT_MARKERS, formatBlock()));
  console.log(`wrote ${file}`);
}
