// The reader's notes: an IndexedDB store (extension origin only), full-text search, W3C Web Annotation export
// and import. Pure data: no browser extension API, no DOM beyond IndexedDB.
export { DB_VERSION } from "./schema";
export type { SearchHit, SearchOptions, TextRange } from "./search";
export {
  DEFAULT_DB_NAME,
  type ImportResult,
  type NoteChanges,
  type NotesStore,
  type OpenOptions,
  openNotes,
  type TagCount,
} from "./store";
export { type NewNote, type Note, NotesError, type NotesErrorCode } from "./types";
export { LIMITS } from "./validate";
export {
  type AnnotationCollection,
  type ArticleInfo,
  exportCollection,
  type ImportReport,
  importAnnotations,
  type ParsedImport,
  parseImport,
  type Rejection,
  type WebAnnotation,
} from "./w3c";
