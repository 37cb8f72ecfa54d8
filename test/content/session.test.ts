// @vitest-environment happy-dom
// The article session: anchoring into the status (notes apart from targets, by typed refs), the message handlers,
// painting by the switches, the trusted-input adapter in front of the logic, and dispose.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

// The content script's WebExtension API (api.ts reads it when loaded): the session itself sends through `send`.
vi.hoisted(() => {
  (globalThis as { chrome?: unknown }).chrome = { runtime: { id: "ext" } };
});

import { ArticleSession } from "../../src/content/session";
import { afterFirstInput, listenToReader } from "../../src/content/trusted";
import { type NoteAnchor, notAnArticle, type Status } from "../../src/model/protocol";
import type { CardView } from "../../src/model/views";
import { visibilityFor } from "../../src/model/visibility";
import { fakeHighlights, fakeUi, payloadOf, setPage, TEXT, targetOf } from "./fakes";

const QUOTE = targetOf("t-quote", "named", "the bridge will open in May");
const OFFICIALS = targetOf("t-off", "anonymous", "two officials");
const GONE = targetOf("t-gone", "named", "Tuesday");
GONE.target.exact = "a passage the page no longer has";
const NOTE: NoteAnchor = {
  id: "n1",
  colour: "green",
  target: targetOf("x", "note", "minister said").target,
};
const LOST_NOTE: NoteAnchor = {
  id: "n2",
  colour: "green",
  target: { ...NOTE.target, exact: "not on this page" },
};

/** Our UI is created on first need, its code loaded then (a promise even when a test hands it over): let it come. */
const uiThere = () => new Promise((r) => setTimeout(r, 0));

function setup(targets = [QUOTE, OFFICIALS, GONE]) {
  const registry = fakeHighlights();
  const { asPageUi, calls } = fakeUi();
  const sent: unknown[] = [];
  const replies = new Map<string, unknown>();
  const status: Status = notAnArticle();
  /** The background as the session's port sees it: each request recorded, answered from `replies`. */
  const ask = (m: { type: string; [k: string]: unknown }) => {
    sent.push(m);
    return replies.get(m.type) ?? null;
  };
  const session = new ArticleSession({
    doc: document,
    payload: payloadOf(targets),
    status,
    background: {
      noteAnchors: async (articleId) => ask({ type: "note-anchors", articleId }) as NoteAnchor[] | null,
      card: async (articleId, targetId) => ask({ type: "card", articleId, targetId }) as CardView | null,
      noteDraft: async (draft) => ask({ type: "note-draft", draft }),
    },
    makeUi: () => asPageUi,
    // Anchoring in one go, whatever this machine's speed: its slices are tested in slices.test.ts.
    slicing: { firstBudgetMs: Number.POSITIVE_INFINITY },
  });
  return { session, status, sent, replies, calls, registry };
}

beforeEach(() => {
  setPage();
  document.getSelection()?.removeAllRanges();
});
afterEach(() => vi.unstubAllGlobals());

describe("anchoring", () => {
  test("targets and notes in one pass; the status counts them apart and names the lost ones by id", () => {
    const { session, status } = setup();
    session.setNotes([NOTE, LOST_NOTE]);
    session.anchor();
    expect(status.anchored).toBe(2);
    expect(status.orphaned).toEqual(["t-gone"]);
    expect(status.notes).toEqual({ anchored: 1, orphaned: ["n2"] });
    expect(session.placed().map((a) => a.ref)).toContainEqual({ kind: "note", id: "n1" });
    expect(status.article?.id).toBe("a1");
  });

  test("painted by kind as the switches say; notes never in the page-shared registry", async () => {
    const { session, registry, status, calls } = setup();
    session.setNotes([NOTE]);
    session.anchor();
    session.visibility = visibilityFor(undefined, "example.com");
    session.paint();
    await uiThere();
    expect([...registry.keys()].sort()).toEqual(["sa-anonymous", "sa-named"]);
    expect(status.highlightsVisible).toBe(true);
    expect(calls.find((c) => c.method === "marks.set")?.args[0]).toHaveLength(1);
    const v = visibilityFor(undefined, "example.com");
    session.setVisibility({ ...v, kinds: { ...v.kinds, anonymous: false } });
    expect([...registry.keys()]).toEqual(["sa-named"]);
    session.setVisibility({ ...v, all: false });
    expect(registry.size).toBe(0);
    expect(status.highlightsVisible).toBe(false);
  });
});

describe("the page's scheme", () => {
  /** The next frame rendered, and the task after it. */
  const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
  /** The names the highlights are registered under: each kind's, with `-dark` on a dark page. */
  const names = (registry: Map<string, unknown>) => [...registry.keys()].sort().join(" ");

  test("never read in a paint: once a frame is rendered, even while the page is parsed; a dark page repainted dark after its first frame", async () => {
    await afterFrame(); // the earlier tests' sessions read theirs
    const read = vi.spyOn(window, "getComputedStyle");
    document.body.style.backgroundColor = "rgb(20, 20, 24)";
    const { session, registry } = setup();
    session.anchor();
    Object.defineProperty(document, "readyState", { value: "loading", configurable: true });
    session.paint();
    session.paint();
    expect(read).not.toHaveBeenCalled(); // a read here would compute the page's style in our task
    const light = names(registry);
    expect(light).toBe("sa-anonymous sa-named");
    await afterFrame();
    expect(read.mock.calls.length).toBeGreaterThan(0);
    const dark = names(registry);
    expect(dark).toBe("sa-anonymous-dark sa-named-dark"); // the first read is made while the page is still parsed
    // Later reads wait for the end of parsing, which paints again; the page has meanwhile turned light.
    const reads = read.mock.calls.length;
    document.body.style.backgroundColor = "rgb(255, 255, 255)";
    session.paint();
    await afterFrame();
    expect(read.mock.calls.length).toBe(reads);
    delete (document as { readyState?: string }).readyState;
    session.paint();
    expect(names(registry)).toBe(dark); // not read in the paint itself
    await afterFrame();
    expect(names(registry)).toBe(light);
    read.mockRestore();
    document.body.style.backgroundColor = "";
    session.dispose();
  });
});

describe("our UI, loaded on first need", () => {
  test("a load that fails is said in the status and tried again at the next need", async () => {
    const { asPageUi } = fakeUi();
    let fail = true;
    const status: Status = notAnArticle();
    const session = new ArticleSession({
      doc: document,
      payload: payloadOf([QUOTE]),
      status,
      background: { noteAnchors: async () => [], card: async () => null, noteDraft: async () => null },
      makeUi: async () => {
        if (fail) throw new Error("no access");
        return asPageUi;
      },
    });
    await expect(session.pageUi()).rejects.toThrow("no access");
    expect(status.note).toContain("cards and sidebar unavailable");
    fail = false;
    await expect(session.pageUi()).resolves.toBe(asPageUi);
  });
});

describe("a hydration: the page rebuilds the article's nodes", () => {
  test("lost when a placed highlight's text leaves the document, or text comes back after fewer were placed", () => {
    const { session, status } = setup();
    session.anchor();
    expect(status.anchored).toBe(2);
    expect(session.lost(true)).toBe(false);
    const p = document.getElementById("p") as HTMLElement;
    const copy = p.cloneNode(true) as HTMLElement;
    p.replaceWith(copy); // one task: the same text in new nodes
    expect(session.lost(false)).toBe(true);
    session.reanchor();
    expect(status.anchored).toBe(2);
    expect(session.lost(true)).toBe(false);
    copy.remove(); // two tasks: taken away ...
    expect(session.lost(false)).toBe(true);
    session.reanchor();
    expect(status.anchored).toBe(0);
    expect(session.lost(false)).toBe(false); // nothing came back: a pass now would find nothing
    document.body.append(p.cloneNode(true)); // ... and put back
    expect(session.lost(true)).toBe(true);
    session.reanchor();
    expect(status.anchored).toBe(2);
    expect(session.lost(true)).toBe(false);
  });
});

describe("a hydration in a browser: live ranges", () => {
  test("lost when the page took a highlight's nodes out and the browser left its range collapsed where they were", () => {
    const { session } = setup();
    session.anchor();
    expect(session.lost(false)).toBe(false);
    const p = document.getElementById("p") as HTMLElement;
    const parent = p.parentNode as Node;
    const at = [...parent.childNodes].indexOf(p);
    p.replaceWith(p.cloneNode(true));
    // What a browser does to a live range whose nodes leave the document (the DOM standard's steps before a
    // removal; happy-dom leaves the range in the removed nodes): both ends where the node was.
    for (const { range } of session.placed()) {
      range.setStart(parent, at);
      range.collapse(true);
    }
    expect(session.placed().every((a) => a.range.startContainer.isConnected)).toBe(true);
    expect(session.lost(false)).toBe(true);
    expect(session.placedAll()).toBe(false);
    session.reanchor();
    expect(session.lost(false)).toBe(false);
    expect(session.placed().map((a) => a.range.toString())).toEqual([
      "the bridge will open in May",
      "two officials",
    ]);
  });
});

describe("placed all: what the frames of a page still being parsed look at before anchoring again", () => {
  test("every target and note placed and in the document; not before a pass, nor after new notes, nor once one is lost", () => {
    const { session } = setup([QUOTE, OFFICIALS]);
    expect(session.placedAll()).toBe(false); // no pass yet
    session.anchor();
    expect(session.placedAll()).toBe(true);
    session.setNotes([]); // the background has no notes on this article
    expect(session.placedAll()).toBe(true);
    session.setNotes([NOTE]);
    expect(session.placedAll()).toBe(false); // the note is not placed until the next pass
    session.anchor();
    expect(session.placedAll()).toBe(true);
    session.setNotes([NOTE, LOST_NOTE]);
    session.anchor();
    expect(session.placedAll()).toBe(false); // a note not on the page (yet)
    session.setNotes([NOTE]);
    session.anchor();
    const p = document.getElementById("p") as HTMLElement;
    p.replaceWith(p.cloneNode(true));
    expect(session.placedAll()).toBe(false); // its nodes replaced: the highlights are lost
    session.reanchor();
    expect(session.placedAll()).toBe(true);
    session.setNotes([]); // the reader deleted it: the next pass takes its highlight away
    expect(session.placedAll()).toBe(false);
    const withGone = setup().session;
    withGone.anchor();
    expect(withGone.placedAll()).toBe(false); // a target not on the page (yet)
  });
});

describe("the page's later changes: what makes the debounced pass anchor again", () => {
  const record = (r: Partial<MutationRecord>) => [
    { type: "childList", addedNodes: [], removedNodes: [], ...r } as unknown as MutationRecord,
  ];
  /** Take `n` out of the page: the record the browser makes of it. */
  const takeOut = (n: ChildNode) => {
    const r = record({
      target: n.parentNode as Node,
      removedNodes: [n] as never,
      previousSibling: n.previousSibling,
      nextSibling: n.nextSibling,
    });
    n.remove();
    return r;
  };

  test("a change elsewhere touches no highlight; text changed, added or taken out under one does", () => {
    const { session } = setup([QUOTE, OFFICIALS]);
    session.anchor();
    const p = document.getElementById("p") as HTMLElement;
    // A ticker at the top of the page: a box, its items added and taken out.
    const box = document.createElement("div");
    document.body.prepend(box);
    const tick = document.createElement("span");
    tick.textContent = "Markets up 0.3%";
    box.append(tick);
    expect(session.changedUnder(record({ target: document.body, addedNodes: [box] as never }))).toBe(false);
    expect(session.changedUnder(record({ target: box, addedNodes: [tick] as never }))).toBe(false);
    expect(session.changedUnder(takeOut(tick))).toBe(false);
    // A note added after the paragraph, outside every highlight.
    const after = document.createElement("span");
    p.append(after);
    expect(session.changedUnder(record({ target: p, addedNodes: [after] as never }))).toBe(false);
    // The text under a highlight edited.
    expect(session.changedUnder(record({ type: "characterData", target: p.firstChild as Text }))).toBe(true);
    // The quote over three nodes (“the bridge <i>will</i> open in May”): a node put inside it, then taken out.
    const [head, tail] = TEXT.split(" will ");
    p.innerHTML = `${head} <i>will</i> ${tail}`;
    const { session: other } = setup([QUOTE]);
    other.anchor();
    const inside = document.createElement("b");
    p.insertBefore(inside, p.childNodes[1] as Node);
    expect(other.changedUnder(record({ target: p, addedNodes: [inside] as never }))).toBe(true);
    expect(other.changedUnder(takeOut(inside))).toBe(true);
    expect(other.changedUnder(takeOut(p.querySelector("i") as HTMLElement))).toBe(true);
  });

  test("nodes taken out between two highlights touch neither; where their place is lost, the element counts whole", () => {
    const { p, session, gap } = withGap();
    const ad = document.createElement("aside");
    gap.after(ad);
    expect(session.changedUnder(takeOut(ad))).toBe(false);
    expect(session.changedUnder(takeOut(gap))).toBe(false);
    // The record's next sibling has been taken out of the page since: the paragraph, which a highlight spans.
    const next = document.createElement("span");
    p.append(next);
    const lost = record({
      target: p,
      removedNodes: [document.createElement("i")] as never,
      nextSibling: next,
    });
    next.remove();
    expect(session.changedUnder(lost)).toBe(true);
  });

  /** “…open in May”, <span id="gap">according to</span> two officials…: the span lies between the two highlights. */
  const withGap = () => {
    const p = document.getElementById("p") as HTMLElement;
    const [head, tail] = TEXT.split("according to");
    p.innerHTML = `${head}<span id="gap">according to</span>${tail}`;
    const { session } = setup([QUOTE, OFFICIALS]);
    session.anchor();
    return { p, session, gap: document.getElementById("gap") as HTMLElement };
  };

  test("between two highlights is not under one; many changes elsewhere are looked at, one under a highlight found", () => {
    const { p, session, gap } = withGap();
    const between = document.createElement("i");
    gap.append(between);
    expect(session.changedUnder(record({ target: gap, addedNodes: [between] as never }))).toBe(false);
    // A comment thread of 300 changes after the article, in one callback: none under a highlight; then one that is.
    const thread = document.createElement("section");
    document.body.append(thread);
    const comments = Array.from({ length: 300 }, () => {
      const c = document.createElement("div");
      thread.append(c);
      return record({ target: thread, addedNodes: [c] as never })[0] as MutationRecord;
    });
    expect(session.changedUnder(comments)).toBe(false);
    const edit = record({ type: "characterData", target: p.firstChild as Text });
    expect(session.changedUnder([...comments, ...edit])).toBe(true);
  });

  test("changes beside or above the highlights' container are not placed against their ranges; many inside it count as touching", () => {
    const { session, gap } = withGap();
    // Comments in a thread beside the article, and appended to the body above it: placing each against a range
    // would count its siblings (a 5 MB page's thread took seconds so); none is.
    const thread = document.createElement("section");
    document.body.append(thread);
    const changes: MutationRecord[] = [];
    for (let i = 0; i < 500; i++) {
      const inThread = document.createElement("div");
      const onBody = document.createElement("div");
      thread.append(inThread);
      document.body.append(onBody);
      changes.push(...record({ target: thread, addedNodes: [inThread] as never }));
      changes.push(...record({ target: document.body, addedNodes: [onBody] as never }));
    }
    const tested = vi.spyOn(Range.prototype, "intersectsNode");
    try {
      expect(session.changedUnder(changes)).toBe(false);
      expect(tested).not.toHaveBeenCalled();
      // Above it, a node added that holds the highlights (a page that puts its body back): touching.
      const back = record({ target: document.documentElement, addedNodes: [document.body] as never });
      expect(session.changedUnder(back)).toBe(true);
      expect(tested).not.toHaveBeenCalled();
      // Inside the container, between the highlights: each is tested, up to a number past which a pass is cheaper.
      const inside = Array.from({ length: 250 }, () => {
        const i = document.createElement("i");
        gap.append(i);
        return record({ target: gap, addedNodes: [i] as never })[0] as MutationRecord;
      });
      expect(session.changedUnder(inside.slice(0, 150))).toBe(false);
      expect(session.changedUnder(inside)).toBe(true);
    } finally {
      tested.mockRestore();
    }
  });
});

describe("messages from the extension", () => {
  test("reveal: the target's card opens with focus, asked of the background once", async () => {
    const { session, sent, replies, calls } = setup();
    replies.set("card", { targetId: "t-quote" });
    session.anchor();
    session.handle({ type: "reveal", targetId: "t-quote" }, () => undefined);
    await vi.waitFor(() => expect(calls.some((c) => c.method === "showCard")).toBe(true));
    session.handle({ type: "reveal", targetId: "t-quote" }, () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.filter((m) => (m as { type: string }).type === "card")).toEqual([
      { type: "card", articleId: "a1", targetId: "t-quote" },
    ]);
    expect(calls.find((c) => c.method === "showCard")?.args[2]).toEqual({ focus: true });
  });

  test("reveal-note: the note flashes in our layer and the sidebar opens on it; no card, nothing in the registry", async () => {
    const { session, calls, registry, sent } = setup();
    session.setNotes([NOTE]);
    session.anchor();
    session.handle({ type: "reveal-note", id: "n1" }, () => undefined);
    await uiThere();
    expect(calls.map((c) => c.method)).toEqual(["marks.flash", "toggleSidebar"]);
    expect(calls[1]?.args).toEqual([true, { note: "n1" }]);
    expect(registry.has("sa-flash")).toBe(false);
    expect(sent).toEqual([]);
  });

  test("reveal of an unknown or unplaced target does nothing", async () => {
    const { session, calls, sent } = setup();
    session.anchor();
    session.handle({ type: "reveal", targetId: "t-gone" }, () => undefined);
    session.handle({ type: "reveal-note", id: "nope" }, () => undefined);
    await Promise.resolve();
    expect(calls).toEqual([]);
    expect(sent).toEqual([]);
  });

  test("sidebar: opened on a new note, or closed", async () => {
    const { session, calls } = setup();
    session.handle({ type: "sidebar", open: true, view: "notes" }, () => undefined);
    session.handle({ type: "sidebar", open: false }, () => undefined);
    await uiThere();
    expect(calls.map((c) => c.args)).toEqual([
      [true, { draft: true }],
      [false, undefined],
    ]);
  });

  test("selection: replies with the draft of the reader's selection (null without one)", () => {
    const { session } = setup();
    const reply = vi.fn();
    session.handle({ type: "selection" }, reply);
    expect(reply).toHaveBeenLastCalledWith(null);
    const text = (document.getElementById("p") as HTMLElement).firstChild as Text;
    const r = document.createRange();
    r.setStart(text, TEXT.indexOf("two"));
    r.setEnd(text, TEXT.indexOf("two") + 3);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(r);
    session.handle({ type: "selection" }, reply);
    expect(reply.mock.lastCall?.[0]).toMatchObject({ articleId: "a1", target: { exact: "two" } });
  });

  test("notes-changed for this article: the note anchors are asked again and placed", async () => {
    const { session, status, replies, sent } = setup();
    session.anchor();
    replies.set("note-anchors", [NOTE]);
    session.handle({ type: "notes-changed", articleId: "other" }, () => undefined);
    session.handle({ type: "notes-changed", articleId: "a1" }, () => undefined);
    await vi.waitFor(() => expect(status.notes?.anchored).toBe(1));
    expect(sent).toEqual([{ type: "note-anchors", articleId: "a1" }]);
  });
});

describe("the reader's pointer, through the session's hit-testing", () => {
  test("a click on a highlight opens its card with focus; on a note, the sidebar on that note", async () => {
    const { session, replies, calls } = setup();
    replies.set("card", { targetId: "t-off" });
    session.setNotes([NOTE]);
    session.anchor();
    const text = (document.getElementById("p") as HTMLElement).firstChild as Text;
    // happy-dom lays nothing out: every range has one box at the top left, and the caret is where a test says.
    const box = { left: 0, top: 0, right: 500, bottom: 20, width: 500, height: 20 };
    const rects = vi
      .spyOn(Range.prototype, "getClientRects")
      .mockReturnValue([box] as unknown as DOMRectList);
    let at = TEXT.indexOf("officials");
    Object.assign(document, {
      caretRangeFromPoint: () => {
        const r = document.createRange();
        r.setStart(text, at);
        return r;
      },
    });
    session.pointer.click({ x: 10, y: 10, overOwnUi: false });
    await vi.waitFor(() =>
      expect(calls.find((c) => c.method === "showCard")?.args[2]).toEqual({ focus: true }),
    );
    at = TEXT.indexOf("minister said") + 2;
    session.pointer.click({ x: 10, y: 10, overOwnUi: false });
    await uiThere();
    expect(calls.at(-1)).toEqual({ method: "toggleSidebar", args: [true, { note: "n1" }] });
    rects.mockRestore();
    Reflect.deleteProperty(document, "caretRangeFromPoint");
  });
});

describe("the reader's input", () => {
  /** An event as the browser dispatches the reader's input. */
  const trustedEvent = <E extends Event>(e: E): E => {
    Object.defineProperty(e, "isTrusted", { value: true });
    return e;
  };

  test("synthetic events (isTrusted false) reach none of the logic", () => {
    const pointer = { move: vi.fn(), click: vi.fn() };
    const selection = { released: vi.fn(), keyReleased: vi.fn(), changed: vi.fn() };
    const ctl = new AbortController();
    listenToReader(document, { pointer, selection, ownUi: () => false } as never, ctl.signal);
    document.dispatchEvent(new MouseEvent("click", { clientX: 5, clientY: 5, bubbles: true }));
    document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    document.dispatchEvent(new PointerEvent("pointermove", { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent("keyup", { shiftKey: true, bubbles: true }));
    expect(pointer.click).not.toHaveBeenCalled();
    expect(pointer.move).not.toHaveBeenCalled();
    expect(selection.released).not.toHaveBeenCalled();
    expect(selection.keyReleased).not.toHaveBeenCalled();
    ctl.abort();
  });

  test("trusted events become calls, with our own UI told apart, until the signal aborts", () => {
    const pointer = { move: vi.fn(), click: vi.fn() };
    const selection = { released: vi.fn(), keyReleased: vi.fn(), changed: vi.fn() };
    const ours = document.createElement("div");
    document.body.append(ours);
    const ctl = new AbortController();
    listenToReader(
      document,
      { pointer, selection, ownUi: (t: EventTarget | null) => t === ours } as never,
      ctl.signal,
    );
    ours.dispatchEvent(trustedEvent(new MouseEvent("click", { clientX: 5, clientY: 6, bubbles: true })));
    document.dispatchEvent(trustedEvent(new KeyboardEvent("keyup", { shiftKey: true, bubbles: true })));
    expect(pointer.click).toHaveBeenCalledWith({ x: 5, y: 6, overOwnUi: true });
    expect(selection.keyReleased).toHaveBeenCalledWith(true);
    ctl.abort();
    document.dispatchEvent(trustedEvent(new MouseEvent("click", { bubbles: true })));
    expect(pointer.click).toHaveBeenCalledTimes(1);
  });
  test("our UI waits for the reader's first input: not a page's synthetic one, once, not after the session ends", async () => {
    const f = vi.fn();
    const ctl = new AbortController();
    afterFirstInput(window, f, ctl.signal);
    window.dispatchEvent(new PointerEvent("pointermove"));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    await new Promise((r) => setTimeout(r, 5));
    expect(f).not.toHaveBeenCalled();
    window.dispatchEvent(trustedEvent(new WheelEvent("wheel", { deltaY: 100 })));
    expect(f).not.toHaveBeenCalled(); // in a task of its own, not in the reader's event
    await new Promise((r) => setTimeout(r, 5));
    window.dispatchEvent(trustedEvent(new KeyboardEvent("keydown", { key: "b" })));
    await new Promise((r) => setTimeout(r, 5));
    expect(f).toHaveBeenCalledTimes(1);
    const ended = new AbortController();
    const g = vi.fn();
    afterFirstInput(window, g, ended.signal);
    ended.abort();
    window.dispatchEvent(trustedEvent(new PointerEvent("pointermove")));
    await new Promise((r) => setTimeout(r, 5));
    expect(g).not.toHaveBeenCalled();
  });
});

describe("dispose", () => {
  test("highlights unregistered, our UI destroyed, no more answers", async () => {
    const { session, registry, calls, sent } = setup();
    session.anchor();
    session.paint();
    await session.pageUi();
    expect(registry.size).toBeGreaterThan(0);
    session.dispose();
    expect(registry.size).toBe(0);
    expect(calls.some((c) => c.method === "destroy")).toBe(true);
    session.handle({ type: "reveal", targetId: "t-quote" }, () => undefined);
    await Promise.resolve();
    expect(sent).toEqual([]);
  });
});
