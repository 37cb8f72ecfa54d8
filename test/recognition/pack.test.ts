// The recognition index as shipped: JSON plus a binary file of the postings (src/recognition/index.ts packIndex).
import { describe, expect, it } from "vitest";
import { buildRecognitionIndex, packIndex, recogniseText, unpackIndex } from "../../src/recognition/index";

const words = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => `w${((i * 7919 + seed * 104729) % 3001).toString(36)}`).join(" ");
const articles = Array.from({ length: 40 }, (_, i) => ({
  id: `a${i}`,
  urls: [`https://example.com/${i}`],
  urlPatterns: [],
  text: words(i + 1, 400),
}));

describe("packed recognition index", () => {
  it("unpacks to the same index, and recognises the same", () => {
    const index = buildRecognitionIndex(articles);
    const { json, bin } = packIndex(index);
    expect(bin.byteLength).toBe(index.text.keys.length * 6);
    const back = unpackIndex(json, bin.buffer as ArrayBuffer);
    expect(Array.from(back.text.keys)).toEqual(index.text.keys);
    expect(Array.from(back.text.owners)).toEqual(index.text.owners);
    expect({ ...back, text: { ...back.text, keys: [], owners: [] } }).toEqual({
      ...index,
      text: { ...index.text, keys: [], owners: [] },
    });
    const page = `menu ${articles[17]?.text} footer`;
    expect(recogniseText(page, back)).toEqual(recogniseText(page, index));
    expect(recogniseText(page, back).articleId).toBe("a17");
  });

  it("a postings file of the wrong size is refused", () => {
    const { json, bin } = packIndex(buildRecognitionIndex(articles));
    expect(() => unpackIndex(json, bin.buffer.slice(0, 12) as ArrayBuffer)).toThrow(/wrong size/);
  });
});
