// The one gate every handler of the in-page UI goes through: only the reader's own input (events the browser
// made from a real mouse or keyboard) acts. A page can select text, dispatch mouseup, click and key events at our
// elements or the document, and none of that drives the extension.
export function trusted<E extends Event>(handler: (e: E) => unknown): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
