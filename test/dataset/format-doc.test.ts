// docs/dataset.md's format section is the schema's, as scripts/dataset-doc.ts writes it: a field added to or
// dropped from the schema without running the script fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORMAT_MARKERS, formatBlock, formatLines } from "../../scripts/dataset-doc";
import { replaceBetween } from "../../scripts/legend";

describe("the dataset format in docs/dataset.md", () => {
  it("is what the schema says", () => {
    const doc = readFileSync("docs/dataset.md", "utf8");
    expect(replaceBetween(doc, FORMAT_MARKERS, formatBlock())).toBe(doc);
  });

  it("marks absent-able fields, lists and named shapes", () => {
    const lines = formatLines({
      required: ["a", "b"],
      properties: {
        a: { type: "string" },
        b: {
          type: "array",
          items: { type: "object", required: ["x"], properties: { x: { enum: ["p", "q"] } } },
        },
        c: { type: "number", minimum: 0, maximum: 1 },
      },
    });
    expect(lines).toEqual(["a: string", "b[]:", '  x: "p" | "q"', "c?: number 0..1"]);
  });
});
