/**
 * Saves an export the core made (base64 bytes) through the browser's own download: a Blob and an
 * <a download>. Works the same in Electron and in the harness, with no file dialog; in Electron
 * the file lands in the downloads folder.
 */
import type { ExportFile } from '../../../shared/reports';

export function saveExport(file: ExportFile, doc: Document = document): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
