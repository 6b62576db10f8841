/**
 * Hands the user a file the renderer made as a download, in the web build (the desktop app asks where
 * instead: Host.exportFile). The object URL is released once the browser has taken its copy.
 */
import type { ExportFormat } from '../../src-shared/ipc/channels';
import type { ExportedFile, ExportedFileSet } from '../hosts/host';

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

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv', json: 'application/json', svg: 'image/svg+xml', png: 'image/png', txt: 'text/plain',
  pat: 'text/plain', ex: 'text/plain', data: 'text/plain', teach: 'text/plain', cf: 'text/plain', wts: 'text/plain', reset: 'text/plain',
  npz: 'application/zip', npy: 'application/octet-stream', safetensors: 'application/octet-stream', py: 'text/x-python', onnx: 'application/octet-stream', mat: 'application/octet-stream',
  'provenance.json': 'application/json',
};

export function downloadExport({ name, format, content }: ExportedFile): void {
  if (typeof content === 'string') downloadText(name, content, MEDIA_TYPES[format]);
  else downloadBlob(name, new Blob([content as Uint8Array<ArrayBuffer>], { type: MEDIA_TYPES[format] }));
}

/** Each file of a set as its own download, named `baseName.format`. */
export async function downloadExportSet({ baseName, files }: ExportedFileSet): Promise<boolean> {
  for (const { format, content } of files) downloadExport({ name: `${baseName}.${format}`, format, content });
  return true;
}

/** The bytes a data: URL (a canvas's PNG) holds. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const [, body] = dataUrl.split(',', 2);
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}
