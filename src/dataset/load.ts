// Reading a folder of articles (<name>.txt and optional <name>.json metadata) and a curation file. Any file name
// gives an id (lower case, anything but a–z, 0–9 and "-" turned into "-"); an article that cannot be read — empty,
// not English, binary, or with metadata that is not JSON — is reported by its file name and left out.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkEnglish } from "../extract/language";
import type { ArticleInput } from "./build";
import type { Curation } from "./curation";

/** An article id from any file name: "My_Article 2.TXT" → "my-article-2". */
export function articleId(fileName: string): string {
  return fileName
    .replace(/\.txt$/i, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface Skipped {
  file: string;
  reason: string;
}

/** The articles of a folder, and the files left out with the reason. */
export function readArticles(dir: string): { articles: ArticleInput[]; skipped: Skipped[] } {
  const files = readdirSync(dir)
    .filter((f) => /\.txt$/i.test(f))
    .sort();
  const articles: ArticleInput[] = [];
  const skipped: Skipped[] = [];
  const taken = new Set<string>();
  for (const f of files) {
    const base = f.replace(/\.txt$/i, "");
    let id = articleId(f);
    if (!id) {
      skipped.push({ file: f, reason: "no letters or digits in its name to make an id from" });
      continue;
    }
    for (let n = 2; taken.has(id); n++) id = `${articleId(f)}-${n}`;
    const buf = readFileSync(join(dir, f));
    if (buf.includes(0)) {
      skipped.push({ file: f, reason: "binary, not text" });
      continue;
    }
    const metaPath = [join(dir, `${base}.json`), join(dir, `${base}.JSON`)].find((p) => existsSync(p));
    let meta: ArticleInput["meta"] = {};
    if (metaPath) {
      try {
        meta = JSON.parse(readFileSync(metaPath, "utf8"));
      } catch (err) {
        skipped.push({
          file: f,
          reason: `${base}.json: not valid JSON (${(err as Error).message})`,
        });
        continue;
      }
    }
    const raw = buf.toString("utf8");
    const lang = checkEnglish(raw);
    if (!lang.ok) {
      skipped.push({ file: f, reason: lang.reason ?? "unreadable" });
      continue;
    }
    taken.add(id);
    articles.push({ id, raw, meta });
  }
  return { articles, skipped };
}

/** The articles of a folder; throws when there is none. Files that cannot be read are left out (see readArticles). */
export function loadArticles(dir: string): ArticleInput[] {
  const { articles } = readArticles(dir);
  if (!articles.length) throw new Error(`no readable .txt articles in ${dir}`);
  return articles;
}

export function loadCuration(path: string): Curation {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Curation;
  } catch (err) {
    throw new Error(`${path}: not valid curation JSON (${(err as Error).message})`);
  }
}
