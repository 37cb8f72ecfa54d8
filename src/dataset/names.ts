// Names live with the extraction library (src/extract/names.ts).
export * from "../extract/names";
