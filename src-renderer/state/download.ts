/**
 * Hands the user a file the renderer made (a figure, a chart's data, exported patterns) as a download: the
 * web build saves it to the downloads folder, Electron asks where. The object URL is released once the
 * browser has taken its copy. A host verb "save a file with this name and type" would let the app offer
 * its own save dialog and remember the folder; until then both hosts share this.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** A data: URL (a canvas's PNG) as a file. */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const [head, body] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type }));
}
