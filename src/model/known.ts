// What the background knows of the dataset to link an analysed page to it (data/entities.json, data/statements.json,
// written by src/dataset/known.ts at build time).
import type { PassageView } from "./views";

/** A dataset entity as the linker compares names with it. */
export interface KnownEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
}

export interface KnownEntityData extends KnownEntity {
  description?: string;
  /** Its statements in the known articles, else the sentences that mention it (a few per article). */
  passages: PassageView[];
}

/** A statement of a known article, to link an analysed page's statement that says the same. */
export interface KnownStatement extends PassageView {
  targetId: string;
}
