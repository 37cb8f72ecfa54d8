// Reading a folder of articles (<id>.txt and optional <id>.json metadata) and a curation file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleInput } from "./build";
import type { Curation } from "./curation";

export function loadArticles(dir: string): ArticleInput[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  if (!files.length) throw new Error(`no .txt articles in ${dir}`);
  return files.map((f) => {
    const id = f.replace(/\.txt$/, "");
    const metaPath = join(dir, `${id}.json`);
    let meta: ArticleInput["meta"] = {};
    if (existsSync(metaPath)) {
      try {
        meta = JSON.parse(readFileSync(metaPath, "utf8"));
      } catch (err) {
        throw new Error(`${metaPath}: not valid JSON (${(err as Error).message})`);
      }
    }
    return { id, raw: readFileSync(join(dir, f), "utf8"), meta };
  });
}

export function loadCuration(path: string): Curation {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Curation;
  } catch (err) {
    throw new Error(`${path}: not valid curation JSON (${(err as Error).message})`);
  }
}
