// Content script → background: the one way to ask, its reply typed by the request (src/model/replies.ts).
import type { BackgroundRequest } from "../model/protocol";
import type { BackgroundReply } from "../model/replies";
import { api } from "./api";

/** Null when the extension was reloaded or is shutting down: the page keeps working as it was. */
export async function callBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundReply<R> | null> {
  try {
    return ((await api.runtime.sendMessage(request)) as BackgroundReply<R> | undefined) ?? null;
  } catch {
    return null;
  }
}
