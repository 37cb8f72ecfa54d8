// The notes store's one error type.
import type { Note, NotesErrorCode } from "../model/notes";

/** Every failure of the notes store; `message` is written for the reader. */
export class NotesError extends Error {
  override name = "NotesError";
  constructor(
    readonly code: NotesErrorCode,
    message: string,
    options?: { cause?: unknown; current?: Note },
  ) {
    super(message, options);
    this.current = options?.current;
  }
  /** For "conflict": the note as it is stored now, so the reader can keep both versions. */
  readonly current: Note | undefined;
}
