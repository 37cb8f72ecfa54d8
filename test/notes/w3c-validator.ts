// Test-only: the W3C Web Annotation test suite's assertions (JSON Schema draft-04), run with ajv-draft-04.
// A copy of the suite's definitions/ and of annotations/annotationMusts.test with the assertion files it lists
// is in test/fixtures/notes/w3c-web-annotation-tests (W3C test suite licence, see license.md there).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const SUITE = fileURLToPath(new URL("../fixtures/notes/w3c-web-annotation-tests/", import.meta.url));

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8"));

export interface Assertion {
  file: string;
  errorMessage: string;
  validate: ValidateFunction;
}

export interface Failure {
  file: string;
  errorMessage: string;
  errors: unknown;
}

/** An ajv that knows every schema of definitions/, which the assertions $ref. */
function suiteAjv(): Ajv {
  // The suite's schemas carry keywords of their own (assertionType, expectedResult …): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const defs = join(SUITE, "definitions");
  for (const f of readdirSync(defs).filter((f) => f.endsWith(".json")))
    ajv.addSchema(readJson(join(defs, f)));
  return ajv;
}

/**
 * Compiles every assertion a .test file lists. In annotationMusts.test each is a "must" expecting "valid": an
 * annotation passes the test when every assertion schema validates it.
 */
export function loadAssertions(testFile = "annotations/annotationMusts.test"): Assertion[] {
  const ajv = suiteAjv();
  const files = readJson(join(SUITE, testFile)).assertions as string[];
  return files.map((file) => {
    const schema = readJson(join(SUITE, file));
    if (schema.assertionType !== "must" || schema.expectedResult !== "valid")
      throw new Error(`${file}: not a must assertion expecting "valid"`);
    return { file, errorMessage: String(schema.errorMessage), validate: ajv.compile(schema) };
  });
}

/** The assertions an annotation fails: an empty list when it passes every one. */
export function failures(assertions: Assertion[], annotation: unknown): Failure[] {
  return assertions
    .filter((a) => !a.validate(annotation))
    .map((a) => ({ file: a.file, errorMessage: a.errorMessage, errors: a.validate.errors }));
}

const CONTEXT = {
  type: "object",
  required: ["@context"],
  properties: {
    "@context": {
      oneOf: [
        { $ref: "collections.json#/definitions/contextValueFound" },
        { $ref: "collections.json#/definitions/contextValueInArrayFound" },
      ],
    },
  },
};
const ID = { $ref: "id.json#/definitions/idValueFound" };
const def = (name: string) => ({ $ref: `collections.json#/definitions/${name}` });
const COLLECTION = {
  context: CONTEXT,
  id: ID,
  ...Object.fromEntries(
    [
      "annotationCollectionTypeValueFound",
      "labelDefinition",
      "totalDefinition",
      "firstValidIfPresent",
      "firstRequiredIfTotalMoreThanZero",
    ].map((d) => [d, def(d)]),
  ),
};
const PAGE = {
  id: ID,
  ...Object.fromEntries(
    ["annotationPageTypeValueFound", "startIndexDefinition", "itemsFound"].map((d) => [d, def(d)]),
  ),
};

/**
 * The definitions of definitions/collections.json that a collection or its embedded first page fails. (This copy
 * of the suite has no collection assertion files; these definitions are what they are built from.)
 */
export function collectionFailures(collection: object): string[] {
  const { first } = collection as { first?: unknown };
  const ajv = suiteAjv();
  const failed = (checks: Record<string, object>, value: unknown) =>
    Object.entries(checks)
      .filter(([, schema]) => !ajv.validate(schema, value))
      .map(([name]) => name);
  return [
    ...failed(COLLECTION, collection),
    ...(first === undefined ? [] : failed(PAGE, first).map((name) => `first: ${name}`)),
  ];
}
