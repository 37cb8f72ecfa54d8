// End to end, Chromium and Firefox: the cards that explain a highlight and the sidebar that lists them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver, Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import { type FixtureServer, startFixtureServer } from "./fixture-server";
import { ARTIFACTS, canonical, openCard, payload, views } from "./helpers";

/** The id of the highlight whose text contains `quote` (attributions first). */
const targetWith = (articleId: string, quote: string) => {
  const v = views(articleId);
  const e = v.sidebar.entries
    .filter((x) => x.excerpt.includes(quote))
    .sort((a, b) => Number(a.kind === "crossref") - Number(b.kind === "crossref"))[0];
  if (!e) throw new Error(`no highlight with “${quote}” in ${articleId}`);
  return e.targetId;
};

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each(bothBrowsers(() => server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  beforeAll(async () => {
    driver = await launch();
    tab = await driver.newTab();
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function cardFor(articleId: string, quote: string) {
    await tab.goto(canonical(articleId));
    await tab.status();
    const id = targetWith(articleId, quote);
    await tab.message({ type: "reveal", targetId: id });
    await expect.poll(async () => (await tab.evaluate(openCard))?.targetId).toBe(id);
    return (await tab.evaluate(openCard)) as NonNullable<ReturnType<typeof openCard>>;
  }

  it("the card of “Either he leaves the country, or he goes to prison” names Salah Ibrahim Eissa", async () => {
    const card = await cardFor("nyt-libya-2011-07", "Either he leaves the country");
    expect(card.text).toContain("Salah Ibrahim Eissa");
    expect(card.text).toContain("Named source");
    expect(card.text).toContain("Direct quotation");
    await tab.screenshot(`${ARTIFACTS}/${name}-card.png`);
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
    "a mention of an entity in %s (“%s”) opens its card: name, aliases, where else",
    async (articleId, mention, name, elsewhere) => {
      await tab.goto(canonical(articleId));
      await tab.status();
      const v = views(articleId);
      const id = payload(articleId).targets.find((t) => t.target.exact === mention && v.cards[t.id]?.entity)
        ?.id as string;
      expect(id).toBeDefined();
      await tab.message({ type: "reveal", targetId: id });
      await expect.poll(async () => (await tab.evaluate(openCard))?.targetId).toBe(id);
      const card = (await tab.evaluate(openCard))?.text ?? "";
      expect(card).toContain(name);
      expect(card).toContain("Elsewhere");
      expect(card).toContain(elsewhere);
    },
  );

  it("Escape closes the card and focus returns where it was", async () => {
    await tab.goto(canonical("nyt-libya-2011-07"));
    await tab.status();
    await tab.evaluate(() => (document.querySelector("main a, article a, a[href]") as HTMLElement).focus());
    const before = await tab.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    await tab.message({
      type: "reveal",
      targetId: targetWith("nyt-libya-2011-07", "Either he leaves the country"),
    });
    await expect.poll(async () => (await tab.evaluate(openCard))?.focused).toBe(true);
    // Keys typed in the card do not reach the page's own key handlers.
    const keysBefore = await tab.evaluate(
      () => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0,
    );
    await tab.press("Escape");
    await expect.poll(() => tab.evaluate(openCard)).toBeNull();
    expect(await tab.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(before);
    expect(await tab.evaluate(() => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0)).toBe(
      keysBefore,
    );
  });

  it("opening another card replaces the first: cards never stack", async () => {
    await cardFor("nyt-libya-2011-07", "Either he leaves the country");
    await tab.message({ type: "reveal", targetId: targetWith("nyt-libya-2011-07", "He cannot stay") });
    await expect.poll(async () => (await tab.evaluate(openCard))?.text).toContain("Salah Mohamed Suleiman");
    expect(
      await tab.evaluate(
        () => document.querySelector("source-annotator-ui")?.shadowRoot?.querySelectorAll(".card").length,
      ),
    ).toBe(1);
  });

  describe.each(["nyt-libya-2011-07", "wt-libya-2011-04", "csm-libya-2011-04-01"])(
    "sidebar on %s",
    (articleId) => {
      it("shows the source summary of the dataset, every entry in reading order, and the timeline", async () => {
        await tab.goto(canonical(articleId));
        await tab.status();
        await tab.message({ type: "sidebar", open: true });
        const v = views(articleId).sidebar;
        const shown = await tab.inFrame(
          "sidebar.html",
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

      it("every sidebar entry scrolls to its passage and opens its card", async () => {
        const ids = views(articleId).sidebar.entries.map((e) => e.targetId);
        for (const [i, id] of ids.entries()) {
          await tab.inFrame(
            "sidebar.html",
            (n) => {
              const b = document.querySelectorAll<HTMLButtonElement>(".entry")[n];
              b?.focus();
              b?.click();
            },
            i,
          );
          await expect.poll(async () => (await tab.evaluate(openCard))?.targetId, { timeout: 3000 }).toBe(id);
          // The card sits on screen beside its passage.
          const onScreen = await tab.evaluate(() => {
            const r = document
              .querySelector("source-annotator-ui")
              ?.shadowRoot?.querySelector(".card")
              ?.getBoundingClientRect();
            return r ? r.bottom > 0 && r.top < window.innerHeight : false;
          });
          expect(onScreen, `card of ${id} on screen`).toBe(true);
        }
        await tab.message({ type: "sidebar", open: false });
      });
    },
  );
});
