// Shared by the end-to-end suites: the fixture routes, expected counts from the built payloads, artifacts.
import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { ArticlePayload, HighlightKind } from "../../src/model/protocol";
import type { PassageShard, SidebarView, StoredCardView } from "../../src/model/views";
import type { Driver, Tab } from "./drivers";
import { type FixtureServer, loadRoutes, readFixture, startFixtureServer } from "./fixture-server";

export const DIST = {
  chrome: "dist/chrome",
  firefox: "dist/firefox",
  chromeE2e: "dist/chrome-e2e",
  firefoxE2e: "dist/firefox-e2e",
};
export const ARTIFACTS = "test-artifacts/e2e";
mkdirSync(ARTIFACTS, { recursive: true });

export const routes = loadRoutes();
export const articleRoutes = routes.filter((r) => r.kind === "article");
/** The canonical address of an article's fixture page. */
export const canonical = (articleId: string) =>
  articleRoutes.find((r) => r.expect === articleId && r.variant === "canonical")?.url as string;

export function payload(articleId: string): ArticlePayload {
  return JSON.parse(readFileSync(`${DIST.chrome}/data/articles/${articleId}.json`, "utf8")) as ArticlePayload;
}

/** The CSS highlights registered in a page, as { name: [range text] } (run in the page's main world). */
export function highlightsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((h, name) => {
    out[name] = [...(h as Highlight)].map((r) => r.toString());
  });
  return out;
}

export type Highlights = Record<string, string[]>;

export const norm = (s: string) => s.replace(/\s+/g, " ").replace(/[“”"]/g, '"').replace(/[‘’']/g, "'");

/** Known quotes and the kind each must be painted as. */
export const KNOWN_QUOTES: { articleId: string; quote: string; kind: HighlightKind }[] = [
  {
    articleId: "nyt-libya-2011-07",
    quote: "Either he leaves the country, or he goes to prison",
    kind: "named",
  },
  {
    articleId: "nyt-libya-2011-07",
    quote: "not part of any discussions on our part in negotiations",
    kind: "secondhand",
  },
  { articleId: "wt-libya-2011-04", quote: "There will be no going back at this point", kind: "anonymous" },
  {
    articleId: "csm-libya-2011-04-01",
    quote: "There has been increasing evidence recently that the sons want a way out",
    kind: "secondhand",
  },
  { articleId: "csm-libya-2011-04-01", quote: "Mustafa Abdul-Jalil", kind: "crossref" },
];

/** Every URL the fixture pages themselves load or link to (images, scripts, styles), resolved against each page. */
export function pageOwnUrls(): Set<string> {
  const out = new Set<string>();
  for (const r of routes) {
    out.add(r.url);
    for (const m of readFixture(r.file).matchAll(/\b(?:src|href|srcset)\s*=\s*["']([^"'\s]+)/gi)) {
      try {
        const u = new URL((m[1] as string).replace(/&amp;/g, "&"), r.url);
        u.hash = "";
        out.add(u.href);
      } catch {}
    }
  }
  return out;
}

/** One article's built views (cards and sidebar), as the extension ships them. */
export function views(articleId: string): { cards: Record<string, StoredCardView>; sidebar: SidebarView } {
  return JSON.parse(readFileSync(`${DIST.chrome}/data/articles/${articleId}.views.json`, "utf8"));
}

/** One shard of a built passage index (what a card looks up when it opens): by speaker, by entity. */
export function passageShard(index: "speakers" | "elsewhere", n: number): PassageShard {
  return JSON.parse(readFileSync(`${DIST.chrome}/data/${index}/${n}.json`, "utf8"));
}

/** Runs in the page: the open card's target id and text, or null. */
/** Our UI as the e2e builds' hook reports it (the shadow root is closed to every page script, the tests' too). */
export interface UiSnapshot {
  html: string;
  card: { targetId: string; text: string; focused: boolean } | null;
  cards: number;
  frame: boolean;
  /** The passages of the note marks drawn now. */
  marks: string[];
  /** Their colours (CSS), in the same order. */
  markColours: string[];
  noteButton: { shown: boolean; onTop: boolean };
  links: { text: string; href: string }[];
}

export async function uiOf(tab: { message(m: unknown): Promise<unknown> }): Promise<UiSnapshot | null> {
  return (await tab.message({ type: "e2e-ui" })) as UiSnapshot | null;
}

/** The open card: its target, its text, whether it has the focus; null when none is open. */
export async function openCard(tab: { message(m: unknown): Promise<unknown> }): Promise<UiSnapshot["card"]> {
  return (await uiOf(tab))?.card ?? null;
}

/** A highlight's passage as a spot on screen (drivers.ts): its text, with its context to pick the occurrence. */
export function spotOf(
  articleId: string,
  targetId: string,
): { text: string; prefix?: string; suffix?: string } {
  const t = payload(articleId).targets.find((x) => x.id === targetId);
  if (!t) throw new Error(`no target ${targetId} in ${articleId}`);
  const { exact, prefix, suffix } = t.target;
  return { text: exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/** Runs in the page: whether a point is on an attribution's highlight (a click there opens the attribution). */
export function attributionAt(p: { x: number; y: number }): boolean {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  const pos = doc.caretPositionFromPoint?.(p.x, p.y);
  const r = pos ? null : document.caretRangeFromPoint?.(p.x, p.y);
  const node = pos?.offsetNode ?? r?.startContainer;
  const offset = pos?.offset ?? r?.startOffset ?? 0;
  if (!node) return false;
  return ["sa-named", "sa-anonymous", "sa-secondhand"].some((name) =>
    [...((CSS.highlights.get(name) as Highlight | undefined) ?? [])].some((range) => {
      try {
        return (range as Range).isPointInRange(node, offset);
      } catch {
        return false;
      }
    }),
  );
}

/**
 * The first mention of an entity (of `exact`, if given) that a click reaches: outside every quotation, where a
 * click opens the quotation's card instead. The tab shows the article.
 */
export async function entityMention(
  tab: Pick<Tab, "locate" | "evaluateWith">,
  articleId: string,
  exact?: string,
): Promise<string> {
  const { cards } = views(articleId);
  for (const t of payload(articleId).targets) {
    if (!cards[t.id]?.entity || (exact !== undefined && t.target.exact !== exact)) continue;
    const [box] = await tab.locate(spotOf(articleId, t.id));
    if (
      box &&
      !(await tab.evaluateWith(attributionAt, { x: box.x + box.width / 2, y: box.y + box.height / 2 }))
    )
      return t.id;
  }
  throw new Error(
    `no mention of an entity${exact ? ` “${exact}”` : ""} outside the quotations of ${articleId}`,
  );
}

/** Runs in the page: the <select>'s id, and how many options down (negative: up) `value` is from its current one. */
function selectSteps([testId, value]: [string, string]): { id: string; steps: number } {
  const select = document.querySelector(`[data-testid=${testId}]`) as HTMLSelectElement;
  return {
    id: select.id,
    steps: [...select.options].findIndex((o) => o.value === value) - select.selectedIndex,
  };
}

/**
 * A reader's choice in a <select>: a click on its label (which focuses it without opening the list), then the arrow
 * keys. In the page of `t`, or in its frame whose URL holds `frame` (the sidebar).
 */
export async function chooseOption(
  t: Pick<Tab, "pause" | "click" | "press" | "evaluateWith" | "inFrame">,
  testId: string,
  value: string,
  frame?: string,
): Promise<void> {
  const at = frame
    ? await t.inFrame(frame, selectSteps, [testId, value])
    : await t.evaluateWith(selectSteps, [testId, value]);
  await t.pause();
  await t.click(frame ? { frame, selector: `label[for=${at.id}]` } : { page: `label[for=${at.id}]` });
  for (let i = 0; i < Math.abs(at.steps); i++) await t.press(at.steps > 0 ? "ArrowDown" : "ArrowUp");
}

/** In an extension page: downloads are caught at the <a download> the page clicks (file name and text), as
 *  test/e2e/notes-page.test.ts does; read them with `caughtDownloads`. */
export function catchDownloads(): void {
  const w = window as unknown as { caught: CaughtDownload[] };
  w.caught = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) return;
    const d: CaughtDownload = { name: this.download, inDocument: document.contains(this) };
    w.caught.push(d);
    void fetch(this.href)
      .then((r) => r.text())
      .then((t) => {
        d.text = t;
      });
  };
}
/** A file the page downloaded: its name, whether its link was in the document, and (once read) its text. */
export interface CaughtDownload {
  name: string;
  inDocument: boolean;
  text?: string;
}
export const caughtDownloads = () => (window as unknown as { caught: CaughtDownload[] }).caught;

/** The fixture server of a test file: started before its tests, closed after them (its tests read `.server`). */
export function fixtureServerForFile(options?: Parameters<typeof startFixtureServer>[0]): {
  server: FixtureServer;
} {
  const held = {} as { server: FixtureServer };
  beforeAll(async () => {
    held.server = await startFixtureServer(options);
  }, 30_000);
  afterAll(async () => {
    await held.server?.close();
  });
  return held;
}

/** A browser and one tab for the tests of a describe block: launched before them, closed after them; `ready` is
 *  handed both once they are up. */
export function browserAndTab(
  launch: () => Promise<Driver>,
  ready: (driver: Driver, tab: Tab) => void,
): void {
  let driver: Driver | undefined;
  beforeAll(async () => {
    driver = await launch();
    ready(driver, await driver.newTab());
  });
  afterAll(async () => {
    await driver?.close();
  });
}

/** In the page: the colour a highlight is painted in (its fill, or its underline), and whether a <style> of ours is
 *  in the document. */
export function highlightColour({ name, line }: { name: string; line: boolean }) {
  const range = [...((CSS.highlights.get(name) as Highlight | undefined) ?? [])][0] as Range | undefined;
  const at = range?.startContainer;
  const el = at && (at.nodeType === 1 ? (at as Element) : at.parentElement);
  const style = el && getComputedStyle(el, `::highlight(${name})`);
  return {
    colour: style ? (line ? style.textDecorationColor : style.backgroundColor) : null,
    ours: document.getElementById("source-annotator-style") !== null,
  };
}
