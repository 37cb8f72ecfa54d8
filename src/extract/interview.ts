// Q&A interviews: turns that start with a label ("Q:", "A:", "Okafor:", "Neil Arden:"). The label whose turns are
// mostly questions (or "Q") is the interviewer's; every other label's turns are the answers of the person it
// names, and "A:" answers are those of the person the introduction is about.
import { resolve } from "./speakers";
import type { Finder, RawAttribution, ResolvedMention, Span } from "./types";

interface Turn extends Span {
  paragraph: number;
  label: string;
  labelStart: number;
  labelEnd: number;
}

const LABEL = /^(Q|A|(?:\p{Lu}[\p{L}.'’-]*)(?:\s\p{Lu}[\p{L}.'’-]*){0,3})\s?[:.]\s+/u;

/** The answers of an interview, one attribution each; empty when the text is not a Q&A. */
export function interviewAnswers(f: Finder): RawAttribution[] {
  const paragraphs = new Map<number, Span>();
  for (const s of f.sentences) {
    const p = paragraphs.get(s.paragraph);
    paragraphs.set(
      s.paragraph,
      p ? { start: p.start, end: Math.max(p.end, s.end) } : { start: s.start, end: s.end },
    );
  }
  const turns: Turn[] = [];
  for (const [index, p] of paragraphs) {
    const m = LABEL.exec(f.text.slice(p.start, p.end));
    if (!m?.[1]) continue;
    // "A." as a label only when followed by more than an initial; named labels only with a colon.
    if (m[1].length > 1 && !m[0].includes(":")) continue;
    turns.push({
      start: p.start + m[0].length,
      end: p.end,
      paragraph: index,
      label: m[1],
      labelStart: p.start,
      labelEnd: p.start + m[1].length,
    });
  }
  const count = new Map<string, Turn[]>();
  for (const t of turns) count.set(t.label, [...(count.get(t.label) ?? []), t]);
  const labels = [...count.entries()].filter(([, ts]) => ts.length >= 2);
  if (labels.length < 2) return turns.length ? [] : unlabelled(f, paragraphs);
  const questions = (ts: Turn[]) =>
    ts.filter((t) => /\?\s*$/.test(f.text.slice(t.start, t.end))).length / ts.length;
  const interviewer =
    labels.find(([l]) => l === "Q")?.[0] ?? labels.sort((a, b) => questions(b[1]) - questions(a[1]))[0]?.[0];
  if (!interviewer || (interviewer !== "Q" && questions(count.get(interviewer) ?? []) < 0.5)) return [];
  const firstTurn = Math.min(...turns.map((t) => t.labelStart));
  const out: RawAttribution[] = [];
  for (const [label, ts] of labels) {
    if (label === interviewer) continue;
    for (const t of ts) {
      let end = t.end;
      while (end > t.start && /\s/.test(f.text[end - 1] as string)) end--;
      const speaker = label === "A" ? interviewee(f, firstTurn, t) : resolve(f, t.labelStart, t.labelEnd);
      out.push({
        kind: "direct",
        start: t.start,
        end,
        speaker,
        via: null,
        cue: `${label}:`,
        cueAt: t.labelStart,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The person the introduction is about: the person mentioned most before the first turn. */
function interviewee(f: Finder, before: number, t: Turn) {
  const counts = new Map<string, { n: number; m: ResolvedMention }>();
  for (const m of f.ents.mentions) {
    if (m.end > before || m.kind !== "person") continue;
    const c = counts.get(m.entityId);
    counts.set(m.entityId, { n: (c?.n ?? 0) + 1, m: c?.m ?? m });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!best)
    return {
      entityId: null,
      speakerText: t.label,
      anonymous: false,
      source: { start: t.labelStart, end: t.labelEnd },
    };
  const r = resolve(f, best.m.start, best.m.end);
  return {
    ...r,
    speakerText: t.label,
    source: { start: t.labelStart, end: t.labelEnd },
    antecedent: { start: best.m.start, end: best.m.end },
  };
}

/**
 * An interview without labels: the questions are paragraphs of their own ending in "?", the answer is the paragraph
 * after each. Only when the introduction says it is an interview, three questions or more each have an answer
 * after them, and neither holds a quotation mark at its start.
 */
function unlabelled(f: Finder, paragraphs: Map<number, Span>): RawAttribution[] {
  const paras = [...paragraphs.entries()].sort((a, b) => a[0] - b[0]).map(([index, p]) => ({ index, ...p }));
  const isQuestion = (p: Span) => {
    const t = f.text.slice(p.start, p.end).trim();
    return t.length < 240 && /\?$/.test(t) && !/^[“"‘']/.test(t);
  };
  const firstQ = paras.findIndex(isQuestion);
  if (firstQ < 1) return [];
  const intro = f.text.slice(0, (paras[firstQ] as Span).start);
  if (!/\b(?:interview|condensed|edited for (?:length|clarity)|(?:spoke|talked) (?:to|with))\b/i.test(intro))
    return [];
  const answers: Span[] = [];
  for (let i = firstQ; i < paras.length - 1; i++) {
    const q = paras[i] as Span & { index: number };
    const a = paras[i + 1] as Span & { index: number };
    if (!isQuestion(q)) continue;
    if (isQuestion(a) || /^[“"‘']/.test(f.text.slice(a.start, a.end).trim())) return [];
    answers.push(a);
  }
  if (answers.length < 3) return [];
  const out: RawAttribution[] = [];
  for (const a of answers) {
    let end = a.end;
    while (end > a.start && /\s/.test(f.text[end - 1] as string)) end--;
    const turn: Turn = {
      start: a.start,
      end,
      paragraph: 0,
      label: "A",
      labelStart: a.start,
      labelEnd: a.start,
    };
    out.push({
      kind: "direct",
      start: a.start,
      end,
      speaker: interviewee(f, (paras[firstQ] as Span).start, turn),
      via: null,
      cue: "A:",
      cueAt: a.start,
    });
  }
  return out;
}
