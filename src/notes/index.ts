// The reader's notes: an IndexedDB store (extension origin only), full-text search, W3C Web Annotation export
// and import. Pure data: no browser extension API, no DOM beyond IndexedDB.

export { NotesError } from "./errors";
export { DB_VERSION } from "./migrations";
export { type NotesStore, openNotes } from "./store";
export { type ArticleInfo, exportCollection, importAnnotations, parseImport } from "./w3c";
