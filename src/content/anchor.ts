// Anchoring as the extension does it on a page, shared by the article part and the benchmark.
import { type Anchored, type AnchorTarget, anchorAllSteps } from "../anchoring/dom";
import { finish, type Steps } from "../anchoring/steps";
import { articleRegion } from "./region";

/**
 * Anchor targets as the extension does on a page: in the article region first (cheap on a page of 500 KB of
 * comments); what is not there, verbatim in the whole body (a note on a comment). The fuzzy search, the costly
 * part, is not run twice.
 */
export function anchorInPage(doc: Document, targets: AnchorTarget[]): Anchoring {
  return finish(anchorInPageSteps(doc, targets));
}

type Anchoring = { anchored: Anchored[]; orphaned: string[] };

/** anchorInPage in steps, for the article session to run in slices (see slices.ts). While the page is still being
 *  parsed, a target not there verbatim is most likely still to come: no fuzzy search for it yet (the costly part,
 *  over text that may be megabytes long), only in the pass when parsing ends. */
export function* anchorInPageSteps(doc: Document, targets: AnchorTarget[]): Steps<Anchoring> {
  const body = doc.body as HTMLElement;
  const region = articleRegion(doc);
  const first = yield* anchorAllSteps(region ?? body, targets, { exactOnly: doc.readyState === "loading" });
  if (!region || !first.orphaned.length) return first;
  const missing = new Set(first.orphaned);
  const rest = yield* anchorAllSteps(
    body,
    targets.filter((t) => missing.has(t.id)),
    { exactOnly: true },
  );
  return { anchored: [...first.anchored, ...rest.anchored], orphaned: rest.orphaned };
}
