import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { extract } from "../../../src/extract/index";

(globalThis as unknown as { x: unknown }).x = [extract, winkNLP(model)];
