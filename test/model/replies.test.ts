// The reply types follow from the request (checked by the type checker, which runs over the tests): no caller
// chooses one, and a handler's reply that is not the one the map names does not compile.
import { describe, expectTypeOf, test } from "vitest";
import type { ImportReport, MarkdownFile, Note } from "../../src/model/notes";
import type { NoteDraft, Status } from "../../src/model/protocol";
import type {
  BackgroundReplies,
  BackgroundReply,
  ContentReply,
  NotesResult,
  NotesValue,
  RecogniseReply,
} from "../../src/model/replies";
import type { CardView } from "../../src/model/views";

describe("replies", () => {
  test("each request's reply is named by the map", () => {
    expectTypeOf<
      BackgroundReply<{ type: "card"; articleId: string; targetId: string }>
    >().toEqualTypeOf<CardView | null>();
    expectTypeOf<
      BackgroundReply<{ type: "recognise"; url: string }>
    >().toEqualTypeOf<RecogniseReply | null>();
    expectTypeOf<ContentReply<{ type: "status" }>>().toEqualTypeOf<Status>();
    expectTypeOf<ContentReply<{ type: "selection" }>>().toEqualTypeOf<NoteDraft | null>();
  });

  test("a relayed request gets the content script's reply; a notes operation its own value", () => {
    expectTypeOf<
      BackgroundReply<{ type: "relay"; message: { type: "status" } }>
    >().toEqualTypeOf<Status | null>();
    expectTypeOf<BackgroundReply<{ type: "notes"; op: { op: "list"; articleId: string } }>>().toEqualTypeOf<
      NotesResult<Note[]>
    >();
    expectTypeOf<NotesValue<{ op: "export"; format: "markdown" }>>().toEqualTypeOf<MarkdownFile[]>();
    expectTypeOf<NotesValue<{ op: "export"; format: "w3c" }>>().toEqualTypeOf<string>();
    expectTypeOf<NotesValue<{ op: "export" }>>().toEqualTypeOf<string>();
    expectTypeOf<NotesValue<{ op: "import"; text: string }>>().toEqualTypeOf<ImportReport>();
  });

  test("a reply of another shape is a type error", () => {
    // @ts-expect-error: an untyped literal is not a card view
    const card: BackgroundReplies["card"] = { untyped: true };
    // @ts-expect-error: the sidebar's hello is answered with ok, not a bare boolean
    const hello: BackgroundReplies["sidebar-hello"] = true;
    expectTypeOf(card).not.toBeAny();
    expectTypeOf(hello).not.toBeAny();
  });
});
