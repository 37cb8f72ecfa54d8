// Entities: ids, names, aliases and mentions; outlets and described speakers created on demand; the roles an
// article gives named people. The dataset build keeps one store over all its articles; the library one per text.

import { NON_PERSON_HEADS, ORG_HEADS } from "./lexicon";
import { outletName } from "./names";
import { cleanRole } from "./nounphrases";
import type { EntityKind, EntityResolver, ResolvedMention } from "./types";

export interface StoredEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  anonymous?: boolean;
  mentions: { articleId: string; start: number; end: number }[];
  origin: "automatic" | "curated";
  evidence: object;
}

/** Entities with ids, aliases and mentions; creates outlets and described speakers on demand. */
export class EntityStore<E extends StoredEntity = StoredEntity> {
  entities: E[] = [];
  publishers = new Map<string, string>();
  private ids = new Set<string>();
  /** The last suffix given to each base id, where the search for a free one starts next time ("a senior official"
   *  in thousands of articles made it quadratic). */
  private lastSuffix = new Map<string, number>();
  /** Each entity by id with its position when added: `get` without a search of the list, which callers may edit. */
  private byId = new Map<string, { entity: E; at: number }>();

  add(kind: EntityKind, name: string, origin: E["origin"], extra: Partial<E> = {}): string {
    const base = `${kind === "organization" ? "org" : kind}:${name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    let id = base;
    if (this.ids.has(id)) {
      // The first free suffix from 2: every one up to the last given to this base is taken (ids are never freed).
      let n = (this.lastSuffix.get(base) ?? 1) + 1;
      while (this.ids.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.lastSuffix.set(base, n);
    }
    this.ids.add(id);
    this.entities.push({
      id,
      kind,
      name,
      aliases: [],
      mentions: [],
      origin,
      evidence: {},
      ...extra,
    } as unknown as E);
    this.byId.set(id, { entity: this.entities[this.entities.length - 1] as E, at: this.entities.length - 1 });
    return id;
  }

  get(id: string): E | undefined {
    // The entity added with this id while it is still where it was added; once the list has been edited (curation
    // removes merged entities from it), a search of the list.
    const known = this.byId.get(id);
    if (known && this.entities[known.at] === known.entity) return known.entity;
    return this.entities.find((x) => x.id === id);
  }

  addMention(id: string, articleId: string, start: number, end: number, surface: string): void {
    const e = this.get(id);
    if (!e) return;
    if (!e.mentions.some((m) => m.articleId === articleId && m.start === start))
      e.mentions.push({ articleId, start, end });
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
  }

  /** Outlets known by name beyond the gazetteer: the publishers of the texts. */
  private knownOutlets = new Map<string, string>();

  /** Makes a publisher's name an outlet ("Westland Broadcasting"), whatever the gazetteer says. */
  knowOutlet(name: string): void {
    if (!outletName(name)) this.knownOutlets.set(name.replace(/^the\s+/i, "").toLowerCase(), name);
  }

  /** The known publisher one of these surface forms names, if any. */
  outletNamed(surfaces: string[]): string | undefined {
    for (const s of surfaces) {
      const name = this.knownOutlets.get(s.replace(/^the\s+/i, "").toLowerCase());
      if (name) return name;
    }
    return undefined;
  }

  /** The outlet entity for a name or short form, created on first use. */
  outlet(surface: string): string | null {
    const name =
      outletName(surface) ??
      this.knownOutlets.get(
        surface
          .replace(/[’']s$/, "")
          .trim()
          .replace(/^the\s+/i, "")
          .toLowerCase(),
      );
    if (!name) return null;
    return (
      this.entities.find((e) => e.kind === "outlet" && e.name === name)?.id ??
      this.add("outlet", name, "automatic")
    );
  }

  /** A one-word short form of the article's own publisher ("The Times" in The Washington Times) names the publisher. */
  selfOutlet(articleId: string, surface: string, publisher: string): string | null {
    const self = this.publishers.get(articleId);
    const short = surface.replace(/^the\s+/i, "").trim();
    if (!self || !/^[A-Z][a-z]+$/.test(short)) return null;
    return publisher
      .replace(/^the\s+/i, "")
      .split(/\s+/)
      .includes(short)
      ? self
      : null;
  }

  resolverFor(
    article: { id: string; publisher: string },
    mentions: ResolvedMention[],
    roles: Map<string, string[]>,
  ): EntityResolver {
    const self = this.publishers.get(article.id);
    const described = new Map<string, string>();
    return {
      mentions,
      roles,
      describe: (text, { named, plural, start, end }) => {
        const key = text.toLowerCase().replace(/^(?:the|a|an)\s+/, "");
        const prior = described.get(key);
        if (prior) {
          this.addMention(prior, article.id, start, end, text);
          return prior;
        }
        const org = named && ORG_HEADS.has(text.split(/\s+/).pop() ?? "");
        // "the local chamber of commerce", "a timeline provided by the union": a body or a document, not a person.
        const head =
          key
            .split(/\s+(?:of|for|at|in|on|from|with|who|which|that|provided|published|close|familiar)\s/)[0]
            ?.split(/\s+/)
            .pop() ?? "";
        const body = !named && NON_PERSON_HEADS.has(head.replace(/[’']s$/, ""));
        const kind: EntityKind =
          org || body ? "organization" : named ? "person" : plural ? "group" : "person";
        const name = named ? text.replace(/^the\s+/i, "") : key;
        const id = this.add(kind, name, "automatic", (named ? {} : { anonymous: true }) as Partial<E>);
        this.addMention(id, article.id, start, end, text);
        described.set(key, id);
        mentions.push({ start, end, entityId: id, kind });
        mentions.sort((a, b) => a.start - b.start);
        return id;
      },
      outlet: (surface) => this.selfOutlet(article.id, surface, article.publisher) ?? this.outlet(surface),
      medium: (name) => {
        this.knowOutlet(name);
        return this.selfOutlet(article.id, name, article.publisher) ?? this.outlet(name);
      },
      orgByHead: (head, before = Number.POSITIVE_INFINITY) => {
        const h = head.toLowerCase();
        // The body named before the description, not one the text names only later ("the bank said" is not a
        // Sterling Bank first named in the next paragraph).
        const org = mentions.find(
          (m) =>
            m.start < before &&
            m.kind === "organization" &&
            this.get(m.entityId)?.name.toLowerCase().endsWith(h),
        );
        return org?.entityId ?? null;
      },
      isSelf: (id) => id === self,
      kindOf: (id) => this.get(id)?.kind,
      isAnonymous: (id) => Boolean(this.get(id)?.anonymous),
    };
  }
}

/** Roles the article gives named people: "the opposition leader, X", "X, head of …", "British Prime Minister X". */
export function appositiveRoles(text: string, mentions: ResolvedMention[]): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (id: string, role: string) => {
    const r = cleanRole(role);
    if (!r || r.split(/\s+/).length > 12 || /^\d+$/.test(r)) return;
    const list = roles.get(id) ?? [];
    if (!list.includes(r)) list.push(r);
    roles.set(id, list);
  };
  for (const m of mentions) {
    if (m.kind !== "person") continue;
    const after = /^,\s+((?:the\s+|a\s+|an\s+)?[a-z][^,.;]*)[,.]/.exec(text.slice(m.end, m.end + 160));
    if (after?.[1]) add(m.entityId, after[1]);
    const before =
      /(?:^|[,.;—][”"’]?\s+|\b(?:However|But|And)\s*,?\s+)((?:the|an?|another)\s+[a-z][^,.;]*?),\s+$/i.exec(
        text.slice(Math.max(0, m.start - 120), m.start),
      );
    if (before?.[1]) add(m.entityId, before[1]);
    const title = /((?:[A-Z][a-z]+\s+){1,4})$/.exec(text.slice(Math.max(0, m.start - 60), m.start));
    if (
      title?.[1] &&
      /(?:Minister|President|Secretary|Chairman|Ambassador|Governor|Mayor|Senator|Spokesman)\s+$/.test(
        title[1],
      )
    )
      add(m.entityId, title[1].trim());
  }
  return roles;
}
