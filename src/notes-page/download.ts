// Notes leave and enter the page as files: a download of a text, and the date in a file's name.

/** "YYYY-MM-DD", local date. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Hand a text to the browser as a downloaded file. */
export function download(text: string, filename: string, type = "application/ld+json"): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the blob after click() returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
