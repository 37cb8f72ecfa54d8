// Shape checks for every message a context receives: a message that fails them is dropped unanswered.
import { isNoteColour } from "./colours";
import type { TextTarget } from "./dataset";
import { ARTICLE_ID, LIMITS } from "./limits";
import type {
  BackgroundRequest,
  ContentRequest,
  NoteDraft,
  NotesOp,
  PageSample,
  SidebarIntent,
} from "./protocol";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isSample = (v: unknown): v is PageSample =>
  isObj(v) &&
  Number.isInteger(v.shingleSize) &&
  Number.isInteger(v.pageMod) &&
  Array.isArray(v.hashes) &&
  v.hashes.length <= 200_000 &&
  v.hashes.every((n) => Number.isInteger(n) && n >= 0);

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "recognise":
      return (
        typeof m.url === "string" &&
        m.url.length < LIMITS.url &&
        (m.sample === undefined || isSample(m.sample)) &&
        (m.asked === undefined || typeof m.asked === "boolean")
      );
    case "card":
      return isArticleId(m.articleId) && isTargetId(m.targetId);
    case "sidebar-view":
      return isArticleId(m.articleId);
    case "page-ui":
      return true;
    case "relay":
      return isContentRequest(m.message);
    case "note-anchors":
      return isArticleId(m.articleId);
    case "note-draft":
      return isDraft(m.draft);
    case "sidebar-open":
      return isNonce(m.nonce) && (m.intent === undefined || isIntent(m.intent));
    case "sidebar-hello":
      return isNonce(m.nonce);
    case "notes":
      return isNotesOp(m.op);
    default:
      return false;
  }
}

const isNonce = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v);
const isIntent = (v: unknown): v is SidebarIntent =>
  isObj(v) &&
  (v.draft === true || (typeof v.note === "string" && v.note.length > 0 && v.note.length <= LIMITS.id));

const isArticleId = (v: unknown): v is string => typeof v === "string" && ARTICLE_ID.test(v);
/** A highlight's id (attribution id, "xNNN#i"): the same length a note's attachedTo may have. */
const isTargetId = (v: unknown): v is string =>
  typeof v === "string" && v.length <= LIMITS.attachedTo && /^[a-z0-9/#@-]+$/.test(v);

const isStr = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
/** A whole number from 0 to `max`. */
const isCount = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isId = (v: unknown): v is string => isStr(v, LIMITS.id) && v.length > 0;

function isTarget(t: unknown): t is TextTarget {
  return (
    isObj(t) &&
    isStr(t.exact, LIMITS.exact) &&
    t.exact.length > 0 &&
    isStr(t.prefix, LIMITS.context) &&
    isStr(t.suffix, LIMITS.context) &&
    Number.isInteger(t.start) &&
    Number.isInteger(t.end) &&
    (t.start as number) >= 0 &&
    (t.end as number) >= (t.start as number)
  );
}

function isDraft(d: unknown): d is NoteDraft {
  return (
    isObj(d) &&
    isArticleId(d.articleId) &&
    isStr(d.url, LIMITS.url) &&
    isTarget(d.target) &&
    (d.attachedTo === undefined || isTargetId(d.attachedTo))
  );
}

const isTags = (v: unknown): v is string[] =>
  v === undefined ||
  (Array.isArray(v) && v.length <= LIMITS.tagsPerNote && v.every((t) => isStr(t, LIMITS.tag)));
const isColour = (v: unknown) => v === undefined || isNoteColour(v);

function isNotesOp(o: unknown): o is NotesOp {
  if (!isObj(o)) return false;
  switch (o.op) {
    case "list":
      return isArticleId(o.articleId);
    case "all":
    case "take-draft":
    case "trash":
    case "tags":
      return true;
    case "add":
      return isDraft(o.draft) && isStr(o.body, LIMITS.body) && isTags(o.tags) && isColour(o.colour);
    case "update":
      return (
        isId(o.id) &&
        isStr(o.body, LIMITS.body) &&
        (o.base === undefined || isStr(o.base, 40)) &&
        isTags(o.tags) &&
        isColour(o.colour)
      );
    case "remove":
    case "restore":
    case "purge":
      return isId(o.id);
    case "reattach":
      return isId(o.id) && isDraft(o.draft);
    case "export":
      return (
        (o.articleId === undefined || isArticleId(o.articleId)) &&
        (o.format === undefined || o.format === "w3c" || o.format === "markdown") &&
        (o.split === undefined || o.split === "article" || o.split === "all")
      );
    case "import":
      return isStr(o.text, LIMITS.importText) && (o.upload === undefined || isStr(o.upload, 64));
    case "page":
      return (
        ("after" in o ? isStr(o.after, LIMITS.id) : isCount(o.offset, Number.MAX_SAFE_INTEGER)) &&
        isCount(o.limit, LIMITS.notesPage) &&
        o.limit > 0
      );
    case "upload":
      return (
        isStr(o.id, 64) &&
        isCount(o.count, Math.ceil(LIMITS.importBytes / LIMITS.messagePart)) &&
        isCount(o.index, o.count - 1) &&
        isStr(o.text, LIMITS.messagePart)
      );
    case "part":
      return isStr(o.id, 64) && isCount(o.index, 1_000);
    default:
      return false;
  }
}

/** The one request status.js answers (a page whose address rules out every known article): checked alone, so that
 *  script carries none of the other requests' checks and limits. */
export const isStatusRequest = (m: unknown): m is ContentRequest & { type: "status" } =>
  isObj(m) && m.type === "status";

export function isContentRequest(m: unknown): m is ContentRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "status":
      return true;
    case "reveal":
      return isTargetId(m.targetId);
    case "sidebar":
      return (
        (m.open === undefined || typeof m.open === "boolean") && (m.view === undefined || m.view === "notes")
      );
    case "notes-changed":
      return isArticleId(m.articleId);
    case "reveal-note":
      return isId(m.id);
    case "selection":
      return true;
    default:
      return false;
  }
}
