// The pipelines the corpus scores: the dataset build (one article at a time, no curation) and the library.
import { buildDataset } from "../../src/dataset/build";
import { extract, type SpeakerModel } from "../../src/extract/index";
import type { CorpusArticle, Found } from "./score";

/** The dataset pipeline on one article, its attributions in the scorer's shape. */
export function runDataset(a: CorpusArticle): Found[] {
  const { dataset: d } = buildDataset([{ id: a.id, raw: a.text, meta: { publisher: a.meta.publisher } }]);
  const names = (id: string | null) => {
    const e = d.entities.find((x) => x.id === id);
    return e ? [e.name, ...e.aliases] : [];
  };
  const text = d.articles[0]?.text ?? "";
  // The build cleans the text; map offsets back when cleaning changed it (it should not for plain text).
  const shift = a.text.indexOf(text.slice(0, 200));
  return d.attributions.map((x) => ({
    kind: x.kind,
    start: x.target.start + Math.max(0, shift),
    end: x.target.end + Math.max(0, shift),
    speaker: x.speaker ? [...names(x.speaker), x.speakerText] : [],
    speakerUnclear: x.speaker === null,
    anonymous: x.anonymous,
    via: x.via ? names(x.via) : null,
  }));
}

/** The extraction library on one article (the rules' speakers, or the learned speaker choice given). */
export function runLibrary(a: CorpusArticle, speakerModel?: SpeakerModel | null): Found[] {
  const x = extract(a.text, { publisher: a.meta.publisher, speakerModel });
  const names = (id: string | null) => {
    const e = x.entities.find((y) => y.id === id);
    return e ? [e.name, ...e.aliases] : [];
  };
  return x.attributions.map((y) => ({
    kind: y.kind,
    start: y.content.start,
    end: y.content.end,
    speaker: y.speaker ? [...names(y.speaker), ...(y.source ? [y.source.exact] : [])] : [],
    speakerUnclear: y.speakerUnclear,
    anonymous: y.anonymous,
    via: y.via ? names(y.via) : null,
  }));
}
