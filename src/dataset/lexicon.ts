// The word lists live with the extraction library (src/extract/lexicon.ts).
export * from "../extract/lexicon";
