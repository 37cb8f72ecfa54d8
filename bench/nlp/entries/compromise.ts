import nlp from "compromise";
import { extract } from "../../../src/extract/index";

(globalThis as unknown as { x: unknown }).x = [extract, nlp];
