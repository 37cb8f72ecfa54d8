// The analysis itself, in its own bundle, loaded only when an analysis runs (docs/decisions/0008): Chrome's
// offscreen document runs it (offscreen.ts; the service worker has no DOM), Firefox's event page imports it
// (analysis.js, an ES module). Both have the browser's DOMParser, so no DOM implementation is bundled. It reads the
// dataset's entities and statements itself, once per document, from the extension's data files.
import type { KnownEntityData, KnownStatement } from "../model/known";
import { analyseHtml } from "./run";
import type { AnalyseJob, AnalyseResult } from "./types";

const data = <T>(file: string): Promise<T[]> =>
  fetch(`/data/${file}`).then(
    (r) => (r.ok ? (r.json() as Promise<T[]>) : []),
    () => [],
  );
let known: Promise<KnownEntityData[]> | null = null;
let statements: Promise<KnownStatement[]> | null = null;

export async function analyse(job: AnalyseJob): Promise<AnalyseResult> {
  known ??= data<KnownEntityData>("entities.json");
  statements ??= data<KnownStatement>("statements.json");
  return analyseHtml(job.html, job.url, await known, job.corrections, await statements);
}
