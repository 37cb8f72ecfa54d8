// Test-only: the W3C Web Annotation test suite's "must" assertions (JSON Schema draft-04), run with ajv.
// A vendored copy of the suite lives in test/fixtures/notes/w3c-web-annotation-tests (W3C test suite licence).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const SUITE = fileURLToPath(new URL("../fixtures/notes/w3c-web-annotation-tests/", import.meta.url));

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8"));

export interface Assertion {
  file: string;
  title: string;
  errorMessage: string;
  validate: ValidateFunction;
}

export interface Failure {
  file: string;
  errorMessage: string;
  errors: unknown;
}

/** Compiles every assertion listed in a .test file, with every schema of definitions/ registered for $refs. */
export function loadAssertions(testFile = "annotations/annotationMusts.test"): Assertion[] {
  // The suite's schemas carry its own keywords (assertionType, expectedResult …): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const defs = join(SUITE, "definitions");
  for (const f of readdirSync(defs).filter((f) => f.endsWith(".json")))
    ajv.addSchema(readJson(join(defs, f)));
  const list = readJson(join(SUITE, testFile)).assertions as string[];
  return list.map((file) => {
    const schema = readJson(join(SUITE, file));
    // Every listed assertion must be a "must" that expects "valid": that is what passing means here.
    if (schema.assertionType !== "must" || schema.expectedResult !== "valid")
      throw new Error(`${file}: not a must/valid assertion`);
    return {
      file,
      title: String(schema.title),
      errorMessage: String(schema.errorMessage),
      validate: ajv.compile(schema),
    };
  });
}

/** The assertions an annotation fails (an empty list when it passes every one). */
export function failures(assertions: Assertion[], annotation: unknown): Failure[] {
  return assertions
    .filter((a) => !a.validate(annotation))
    .map((a) => ({ file: a.file, errorMessage: a.errorMessage, errors: a.validate.errors }));
}
