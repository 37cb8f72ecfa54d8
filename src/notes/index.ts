// The reader's notes: an IndexedDB store (extension origin only), full-text search, W3C Web Annotation export
// and import. Pure data: no browser extension API, no DOM beyond IndexedDB.

export { NotesError } from "./errors";
export { DB_VERSION } from "./schema";
export type { SearchHit, SearchOptions, TextRange } from "./search";
export { DEFAULT_DB_NAME, type NoteChanges, type NotesStore, type OpenOptions, openNotes } from "./store";
export { LIMITS } from "./validate";
export {
  type AnnotationCollection,
  type ArticleInfo,
  exportCollection,
  importAnnotations,
  parseImport,
  type WebAnnotation,
} from "./w3c";
