// Dates live with the extraction library (src/extract/dates.ts).
export * from "../extract/dates";
