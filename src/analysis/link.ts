// Is a name on an analysed page one of the dataset's entities? Names of Arabic origin are written many ways in
// English (Qaddafi, Gadhafi, Kadafi; Abdul-Jalil, Abdel Jalil, Abd al-Jalil), so names are compared by a
// consonant skeleton per word after titles and particles are dropped. A link needs every word of the given name
// to agree: a relative sharing the family name (Saif al-Islam Qaddafi, Khamis Qaddafi) is not Muammar Qaddafi. A
// family name alone ("Mr. Qaddafi") links only when one dataset person has it and no other person on the page
// shares it.

import type { KnownEntity } from "../model/known";

const TITLES = new Set(
  "mr mrs ms miss dr col colonel gen general lt sgt maj major capt captain adm sir lord president vice prime minister foreign defense defence secretary king prince sheik sheikh sen senator rep gov governor leader brother the".split(
    " ",
  ),
);
const PARTICLES = new Set(["al", "el", "ul", "bin", "ibn", "ben", "abu", "de", "van", "von", "der"]);

/** One word's consonant skeleton: Qaddafi, Gadhafi, Kadafi, Khadafy → "kdf"; Abdul, Abdel, Abd → "bd". */
export function skeleton(word: string): string {
  let w = word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  // Abdul / Abdel / Abdal / Abd are the same word ("servant of").
  w = w.replace(/^abd(?:ul|el|al|ol)?/, "abd");
  // A leading vowel is kept as one mark: Omar is not Muammar.
  const lead = /^[aeiou]/.test(w) && !w.startsWith("abd") ? "a" : "";
  w = w
    .replace(/ph/g, "f")
    .replace(/kh|gh|q|g|c(?!h)|ck/g, "k")
    .replace(/dh|th/g, "d")
    .replace(/ou|oo/g, "u")
    .replace(/[aeiouyhw']/g, "")
    .replace(/(.)\1+/g, "$1");
  return w ? lead + w : "";
}

/** A name's words as skeletons, titles, particles and initials dropped. */
export function nameKey(name: string): string[] {
  const words = name
    .replace(/[’']s$/, "")
    .split(/[\s\-‐–.,]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w && !TITLES.has(w) && !PARTICLES.has(w));
  // Abdul-Jalil is one name in two words: "abd" is kept with the word it governs.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const s = skeleton(w);
    if (!s || (w.length === 1 && i < words.length - 1)) continue;
    if (s === "bd" && i + 1 < words.length) {
      out.push(`bd${skeleton(words[++i] as string)}`);
      continue;
    }
    out.push(s);
  }
  return out;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const endsWith = (long: string[], short: string[]) =>
  short.length < long.length && same(long.slice(long.length - short.length), short);

export class EntityLinker {
  private readonly keys: { entity: KnownEntity; keys: string[][] }[];
  constructor(entities: KnownEntity[]) {
    this.keys = entities
      .filter((e) => e.kind !== "group" && !e.id.startsWith("anon"))
      .map((entity) => ({
        entity,
        keys: [entity.name, ...entity.aliases].map(nameKey).filter((k) => k.length > 0),
      }));
  }

  /**
   * The dataset entity a name on the page is, or null. `others`: the other person names on the same page (a
   * family name alone is ambiguous when another of them shares it).
   */
  link(name: string, kind: string, others: string[] = []): KnownEntity | null {
    const key = nameKey(name);
    if (!key.length) return null;
    const candidates = this.keys.filter((k) => kind === "unknown" || k.entity.kind === kind);
    // 1. The whole name, word for word (Abdel Jalil = Abdul-Jalil); a one-word name goes to 3.
    const exact = key.length > 1 ? candidates.filter((k) => k.keys.some((x) => same(x, key))) : [];
    if (exact.length === 1) return (exact[0] as (typeof candidates)[number]).entity;
    if (exact.length > 1) return null;
    // 2. A full name of the dataset followed by a family name it leaves out (Saif al-Islam Qaddafi → Saif
    //    al-Islam): the given names must all agree, and there must be two of them.
    const extended = candidates.filter((k) =>
      k.keys.some((x) => x.length >= 2 && key.length > x.length && same(key.slice(0, x.length), x)),
    );
    if (extended.length === 1) return (extended[0] as (typeof candidates)[number]).entity;
    // 3. A family name alone: one dataset person has it, and no other person on the page does.
    if (key.length === 1 && kind !== "outlet" && kind !== "organization") {
      const byFamily = candidates.filter((k) =>
        k.keys.some((x) => same(x, key) || (x.length >= 2 && endsWith(x, key))),
      );
      const rivals = others.map(nameKey).filter((o) => o.length >= 2 && same(o.slice(-1), key));
      const linked = byFamily[0]?.entity;
      if (byFamily.length === 1 && linked && rivals.every((r) => byFamily[0]?.keys.some((x) => same(x, r))))
        return linked;
    }
    return null;
  }
}
