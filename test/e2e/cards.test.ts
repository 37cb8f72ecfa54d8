// End to end, Chromium and Firefox: the cards that explain a highlight and the sidebar that lists them, driven as a
// reader does, with the browser's own mouse and keyboard (see drivers.ts): hover, click, the card's buttons, the
// launcher, the sidebar's entries, Escape.
import { describe, expect, it } from "vitest";
import type { Driver, Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import {
  ARTIFACTS,
  browserAndTab,
  canonical,
  entityMention,
  fixtureServerForFile,
  openCard,
  passageShard,
  spotOf,
  uiOf,
  views,
} from "./helpers";

/** The id of the highlight whose text contains `quote` (attributions first). */
const targetWith = (articleId: string, quote: string) => {
  const v = views(articleId);
  const e = v.sidebar.entries
    .filter((x) => x.excerpt.includes(quote))
    .sort((a, b) => Number(a.kind === "crossref") - Number(b.kind === "crossref"))[0];
  if (!e) throw new Error(`no highlight with “${quote}” in ${articleId}`);
  return e.targetId;
};

const SIDEBAR = "sidebar.html";

const fixtures = fixtureServerForFile();

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  browserAndTab(launch, (d, t) => {
    driver = d;
    tab = t;
  });

  /** Open an article, then click the highlight that holds `quote`: its card, once open. */
  async function cardFor(articleId: string, quote: string) {
    await tab.goto(canonical(articleId));
    await tab.status();
    const id = targetWith(articleId, quote);
    await tab.pause();
    await tab.click(spotOf(articleId, id));
    await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
    return (await openCard(tab)) as NonNullable<Awaited<ReturnType<typeof openCard>>>;
  }

  it("the card of “Either he leaves the country, or he goes to prison” names Salah Ibrahim Eissa", async () => {
    const articleId = "nyt-libya-2011-07";
    await tab.goto(canonical(articleId));
    await tab.status();
    const id = targetWith(articleId, "Either he leaves the country");
    // Resting on the highlight opens its card, without taking the focus; a click keeps it open and focuses it.
    await tab.hover(spotOf(articleId, id));
    await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
    expect((await openCard(tab))?.focused).toBe(false);
    await tab.pause();
    await tab.click(spotOf(articleId, id));
    await expect.poll(async () => (await openCard(tab))?.focused).toBe(true);
    const card = (await openCard(tab)) as NonNullable<Awaited<ReturnType<typeof openCard>>>;
    expect(card.text).toContain("Salah Ibrahim Eissa");
    expect(card.text).toContain("Named source");
    expect(card.text).toContain("Direct quotation");
    await tab.screenshot(`${ARTIFACTS}/${name}-card.png`);
    // Its close button.
    await tab.pause();
    await tab.click({ ui: ".card .close" });
    await expect.poll(() => openCard(tab)).toBeNull();
  });

  it("a card opened by hovering closes when the pointer leaves its highlight", async () => {
    const articleId = "nyt-libya-2011-07";
    await tab.goto(canonical(articleId));
    await tab.status();
    const id = targetWith(articleId, "not part of any discussions");
    await tab.hover(spotOf(articleId, id));
    await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
    const [box] = await tab.locate(spotOf(articleId, id));
    // Away to the empty margin beside the article.
    await tab.moveTo({ x: 1100, y: (box?.y ?? 300) - 40 });
    await expect.poll(() => openCard(tab), { timeout: 3000 }).toBeNull();
  });

  it.each([
    "There will be no going back",
    "I have a big family",
    "Some of the people who are left around him",
  ])("the Washington Times' anonymous source is marked anonymous: “%s”", async (quote) => {
    const card = await cardFor("wt-libya-2011-04", quote);
    expect(card.text).toContain("Anonymous source");
  });

  it("the cease-fire passage links to its counterpart in the other article", async () => {
    const card = await cardFor("csm-libya-2011-04-01", "that the Qaddafi brigades and forces withdraw");
    expect(card.text).toContain("Mustafa Abdul-Jalil");
    expect(card.text).toContain("The New York Times");
    expect(card.text).toContain("that he can resign");
  });

  it("a speaker quoted in the other article: their statements there, looked up in the by-speaker index", async () => {
    const articleId = "nyt-libya-2011-07";
    const card = await cardFor(articleId, "the option to leave power and remain in his country");
    expect(card.text).toContain("The same speaker in the other articles");
    // Mustafa Abdul-Jalil's three statements in the Monitor's article, as the views listed them before.
    expect(card.text).toContain("rebel forces would agree to a cease-fire if the Libyan leader pulled");
    expect(card.text).toContain("liberate and have sovereignty over all of Libya");
    // The views keep only where they are; the background read the shard when the card opened.
    const ref = views(articleId).cards[card.targetId]?.sameSpeakerOf;
    expect(ref?.key).toBeTruthy();
    const listed = passageShard("speakers", ref?.shard ?? -1)[ref?.key ?? ""] ?? [];
    for (const p of listed.filter((x) => x.articleId !== articleId)) expect(card.text).toContain(p.text);
  });

  it("the card of the July offer shows its revision and its contradiction, each from its own side", async () => {
    const card = await cardFor("nyt-libya-2011-07", "that he can resign and order his soldiers");
    expect(card.text).toContain(
      "Later called hypothetical remarks, misconstrued as a current policy position",
    );
    expect(card.text).toContain(
      "I would like to confirm that there is absolutely no current or future possibility",
    );
    expect(card.text).toContain("Contradicted by Abdul Hafidh Ghoga");
    expect(card.text).toContain("Either he leaves the country");
    // Eissa rejects the offer; he does not contradict it.
    expect(card.text).not.toMatch(/Contradicted by Salah Ibrahim Eissa/);
    // “Read it in the article”: the other article's passage, in a tab of its own.
    const href = (await uiOf(tab))?.links.find((a) => a.text === "Read it in the article")?.href;
    await tab.pause();
    const other = await driver.tabOpenedBy(() =>
      tab.click({ ui: ".card a", withText: "Read it in the article" }),
    );
    expect(other.url().split("#")[0]).toBe(href?.split("#")[0]);
    await other.close();
    await tab.status(); // this tab in front again
    // “Show in this article” on a passage of the same article: that passage's card instead, its passage flashing.
    await tab.pause();
    await tab.click({ ui: ".card button.link", withText: "Show in this article" });
    await expect
      .poll(async () => (await openCard(tab))?.targetId)
      .not.toBe(targetWith("nyt-libya-2011-07", "that he can resign and order his soldiers"));
    expect(await tab.evaluate(() => CSS.highlights.has("sa-flash"))).toBe(true);
  });

  it("outside knowledge is labelled as such: Frattini's office is not in the article", async () => {
    const card = await cardFor("wt-libya-2011-04", "Any solution for the future of Libya");
    expect(card.text).toContain("Frattini");
    expect(card.text).not.toContain("Franco Frattini —");
    expect(card.text).toContain(
      "Not in these articles — Franco Frattini, Italy's foreign minister at the time",
    );
  });

  it("a source whose full name is withheld is anonymous", async () => {
    const card = await cardFor("wt-libya-2011-04", "Misurata was on the brink of a humanitarian crisis");
    expect(card.text).toContain("Anonymous source");
    expect(card.text).toContain("rebel spokesman");
  });

  it.each([
    ["wt-libya-2011-04", "Gadhafi", "Muammar Qaddafi", "The Christian Science Monitor"],
    ["nyt-libya-2011-07", "Misurata", "Misurata", "The Washington Times"],
    ["csm-libya-2011-04-01", "Mustafa Abdul-Jalil", "Mustafa Abdul-Jalil", "Mustapha Abdul-Jalil"],
  ])(
    "hovering a mention of an entity in %s (“%s”) opens its card: name, aliases, where else",
    async (articleId, mention, name, elsewhere) => {
      await tab.goto(canonical(articleId));
      await tab.status();
      // A mention outside any quotation (a click inside one opens the quotation's card).
      const id = await entityMention(tab, articleId, mention);
      // Hovered: a mention may be a link of the page's, which a click would follow.
      await tab.pause();
      await tab.hover(spotOf(articleId, id));
      await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
      const card = (await openCard(tab))?.text ?? "";
      expect(card).toContain(name);
      expect(card).toContain("Elsewhere");
      expect(card).toContain(elsewhere);
    },
  );

  it("Escape closes the card, the page sees none of the keys, and focus returns where it was", async () => {
    await tab.goto(canonical("nyt-libya-2011-07"));
    await tab.status();
    const before = await tab.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    await tab.pause();
    await tab.click(
      spotOf("nyt-libya-2011-07", targetWith("nyt-libya-2011-07", "Either he leaves the country")),
    );
    await expect.poll(async () => (await openCard(tab))?.focused).toBe(true);
    // Keys typed in the card do not reach the page's own key handlers.
    const keysBefore = await tab.evaluate(
      () => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0,
    );
    await tab.pause();
    await tab.press("Escape");
    await expect.poll(() => openCard(tab)).toBeNull();
    expect(await tab.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(before);
    // From the sidebar: a card opened from an entry, closed by Escape.
    await tab.pause();
    await tab.click({ ui: ".launcher" });
    await tab.click({
      frame: SIDEBAR,
      selector: `.entry[data-target-id="${targetWith("nyt-libya-2011-07", "He cannot stay")}"]`,
    });
    await expect.poll(async () => (await openCard(tab))?.focused).toBe(true);
    await tab.pause();
    await tab.press("Escape");
    await expect.poll(() => openCard(tab)).toBeNull();
    expect(await tab.evaluate(() => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0)).toBe(
      keysBefore,
    );
    // Escape in the sidebar closes it.
    await tab.pause();
    await tab.click({ frame: SIDEBAR, selector: "h1" });
    await tab.press("Escape");
    await expect.poll(async () => (await uiOf(tab))?.frame).toBe(false);
  });

  it("opening another card replaces the first: cards never stack", async () => {
    await cardFor("nyt-libya-2011-07", "Either he leaves the country");
    await tab.pause();
    await tab.click(spotOf("nyt-libya-2011-07", targetWith("nyt-libya-2011-07", "He cannot stay")));
    await expect.poll(async () => (await openCard(tab))?.text).toContain("Salah Mohamed Suleiman");
    expect((await uiOf(tab))?.cards).toBe(1);
  });

  describe.each(["nyt-libya-2011-07", "wt-libya-2011-04", "csm-libya-2011-04-01"])(
    "sidebar on %s",
    (articleId) => {
      it("shows the source summary of the dataset, every entry in reading order, and the timeline", async () => {
        await tab.goto(canonical(articleId));
        await tab.status();
        await tab.pause();
        await tab.click({ ui: ".launcher" });
        const v = views(articleId).sidebar;
        const shown = await tab.inFrame(
          SIDEBAR,
          async () => {
            for (let i = 0; i < 50 && !document.querySelector("[data-testid=entries]"); i++)
              await new Promise((r) => setTimeout(r, 100));
            const count = (k: string) =>
              Number(document.querySelector(`[data-testid=count-${k}]`)?.textContent);
            return {
              counts: {
                named: count("named"),
                anonymous: count("anonymous"),
                direct: count("direct"),
                indirect: count("indirect"),
                secondHand: count("secondhand"),
              },
              entries: [...document.querySelectorAll<HTMLElement>(".entry")].map((e) => e.dataset.targetId),
              timeline: document.querySelectorAll("[data-testid=timeline] li").length,
            };
          },
          null,
        );
        expect(shown.counts).toEqual({
          named: v.summary.named,
          anonymous: v.summary.anonymous,
          direct: v.summary.direct,
          indirect: v.summary.indirect,
          secondHand: v.summary.secondHand,
        });
        expect(shown.entries).toEqual(v.entries.map((e) => e.targetId));
        expect(shown.timeline).toBe(v.timeline.length);
        if (articleId.startsWith("nyt")) await tab.screenshot(`${ARTIFACTS}/${name}-sidebar.png`);
      });

      it("sidebar entries of every kind, clicked, scroll to their passage, flash it and open its card", async () => {
        // At a person's pace every entry of all three articles took ~40 s of CI: the first and last entry and
        // one of each highlight kind, spread through the list (the keyboard path to each is the same element).
        const entries = views(articleId).sidebar.entries;
        const byKind = new Map<string, typeof entries>();
        for (const e of entries) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
        const middle = [...byKind.values()].map((list) => list[Math.floor(list.length / 2)]);
        const pick = new Set([entries[0], entries.at(-1), ...middle]);
        const ids = entries.filter((e) => pick.has(e)).map((e) => e.targetId);
        for (const id of ids) {
          await tab.click({ frame: SIDEBAR, selector: `.entry[data-target-id="${id}"]` });
          await expect.poll(async () => (await openCard(tab))?.targetId, { timeout: 3000 }).toBe(id);
          // The card sits on screen beside its passage, which flashes.
          const [r] = ((await tab.message({ type: "e2e-boxes", selector: ".card" })) ?? []) as {
            y: number;
            height: number;
          }[];
          const seen = {
            onScreen: r ? r.y + r.height > 0 && r.y < (await tab.evaluate(() => window.innerHeight)) : false,
            flash: await tab.evaluate(() => CSS.highlights.has("sa-flash")),
          };
          expect(seen, `card of ${id} on screen, its passage flashing`).toEqual({
            onScreen: true,
            flash: true,
          });
        }
        // The sidebar's own close button.
        await tab.pause();
        await tab.click({ frame: SIDEBAR, selector: "button.close" });
        await expect.poll(async () => (await uiOf(tab))?.frame).toBe(false);
      });
    },
  );
});
