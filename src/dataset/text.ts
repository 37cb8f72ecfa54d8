// Paragraphs, quotations and sentences live with the extraction library (src/extract/text.ts).
export * from "../extract/text";
