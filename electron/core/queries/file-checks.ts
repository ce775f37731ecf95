/**
 * What a file is, from its bytes alone (issue 14 §3): every file attached here or arriving in a
 * bundle is hostile input until these checks pass. The name's extension never decides.
 *
 * - Type: read from the bytes, synchronously (the attach and the import run inside one SQLite
 *   transaction): magic numbers for PDF and images; for ZIP-based office documents the central
 *   directory's entry names; for 97–2003 Word and Excel the compound file's stream names.
 *   test/core/evidence-files.test.ts checks these answers against `file-type` on every fixture.
 *   Programs (Windows, Linux, Mac executables, scripts with #!) are named as such in the refusal.
 * - Images: width and height from the header (image-size) before anything decodes the pixels;
 *   more than MAX_IMAGE_SIDE a side or MAX_IMAGE_PIXELS in all is refused (a decompression bomb).
 * - PDF: refused when it carries anything that runs or opens something (JavaScript, launch
 *   actions, embedded files, rich media, forms that submit or import data), found in its text and
 *   in its Flate-compressed streams (object streams hide dictionaries there); names written with
 *   #xx escapes are decoded first. Refusing rather than stripping: a rewritten PDF would no longer
 *   be the signed document it claims to be.
 * - Office documents with macros (a vbaProject part) are refused.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { imageSize } from 'image-size';
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, megabytes } from '../../../shared/attachments';
import { type MessageRef, msg } from '../../../shared/core-messages';

export type FileVerdict = { ok: true; type: string; width?: number; height?: number } | { ok: false; reason: MessageRef };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const startsWith = (bytes: Buffer, magic: number[] | string, at = 0) => {
  const m = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return bytes.length >= at + m.length && bytes.subarray(at, at + m.length).equals(m);
};

/** A program, whatever its name: what kind, for the refusal; null when it is not one we know. */
function programKind(bytes: Buffer): string | null {
  if (startsWith(bytes, 'MZ')) return 'Windows .exe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'Linux ELF';
  if ([[0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xcf], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(bytes, m))) return 'Mac';
  if (startsWith(bytes, '#!')) return 'script';
  return null;
}

/** The names of a ZIP archive's entries, from its central directory (bounded); null when it is not a readable ZIP. */
export function zipEntryNames(bytes: Buffer, max = 10_000): string[] | null {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(count, max); n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

type Sniffed = { type: string } | { refused: MessageRef } | null;

function sniffZip(bytes: Buffer): Sniffed {
  // OpenDocument: the first entry is "mimetype", stored, holding the type.
  if (startsWith(bytes, 'mimetype', 30)) {
    const text = bytes.subarray(38, 38 + 80).toString('latin1');
    if (text.startsWith('application/vnd.oasis.opendocument.text')) return { type: 'application/vnd.oasis.opendocument.text' };
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { type: 'application/vnd.oasis.opendocument.spreadsheet' };
  }
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { refused: msg('file.macros') };
  if (names.some((n) => n.startsWith('word/'))) return { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (names.some((n) => n.startsWith('xl/'))) return { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  if (names.some((n) => n.startsWith('ppt/'))) return { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };
  return null;
}

/** A 97–2003 compound file: Word or Excel by the name of its main stream (UTF-16 in its directory); macros refused. */
function sniffCompound(bytes: Buffer): Sniffed {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('_VBA_PROJECT') || has('Macros')) return { refused: msg('file.macros') };
  if (has('WordDocument')) return { type: 'application/msword' };
  if (has('Workbook') || has('Book')) return { type: 'application/vnd.ms-excel' };
  return null;
}

/** The type the bytes say, among those accepted; a refusal for a program or macros; null otherwise. */
export function sniffType(bytes: Buffer): Sniffed {
  // A program first: "%PDF-" written somewhere in its first kilobyte does not make it a PDF.
  const program = programKind(bytes);
  if (program) return { refused: msg('file.program', { kind: program }) };
  if (startsWith(bytes, '%PDF-') || bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'))) return { type: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg' };
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return { type: 'image/gif' };
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return { type: 'image/webp' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffCompound(bytes);
  return null;
}

/** PDF names that run or open something, with the words that say so. */
const ACTIVE_PDF_NAMES: ReadonlyArray<[RegExp, Parameters<typeof msg>[0]]> = [
  [/\/(JavaScript|JS)(?![A-Za-z0-9])/, 'file.pdfPart.javascript'],
  [/\/Launch(?![A-Za-z0-9])/, 'file.pdfPart.launch'],
  [/\/(EmbeddedFiles?|FileAttachment)(?![A-Za-z0-9])/, 'file.pdfPart.embedded'],
  [/\/(RichMedia\w*|Movie|Sound)(?![A-Za-z0-9])/, 'file.pdfPart.richMedia'],
  [/\/(SubmitForm|ImportData|XFA)(?![A-Za-z0-9])/, 'file.pdfPart.form'],
];
/** Inflated stream text checked per file, at most (a PDF that compresses more is refused as hiding something). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** PDF names may escape characters as #xx: "/J#61vaScript" is "/JavaScript". */
function decodeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()]*#[0-9A-Fa-f]{2}[^\s/<>[\]()]*/g, (name) => name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/** What a PDF carries that runs or opens something (message keys), in its text and its compressed streams. */
export function activePdfParts(bytes: Buffer): Array<Parameters<typeof msg>[0]> {
  const found = new Set<Parameters<typeof msg>[0]>();
  const scan = (text: string) => {
    const plain = decodeNames(text);
    for (const [pattern, key] of ACTIVE_PDF_NAMES) if (pattern.test(plain)) found.add(key);
  };
  const text = bytes.toString('latin1');
  scan(text);
  let inflated = 0;
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(text); m !== null; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = bytes.subarray(start, end);
    if (raw.length >= 2 && raw[0] === 0x78) {
      try {
        const out = inflateSync(raw, { maxOutputLength: Math.max(1, MAX_INFLATED_BYTES - inflated), finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short still shows its text */ });
        inflated += out.length;
        scan(out.toString('latin1'));
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') found.add('file.pdfPart.hidden');
      }
      if (inflated >= MAX_INFLATED_BYTES) {
        found.add('file.pdfPart.hidden');
        break;
      }
    }
    streams.lastIndex = end + 'endstream'.length;
  }
  return [...found];
}

/** Every check a file must pass before it is stored, attached here or arriving in a bundle. */
export function checkFile(bytes: Buffer): FileVerdict {
  if (bytes.length === 0) return { ok: false, reason: msg('file.empty') };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: msg('file.tooLarge', { size: String(Math.ceil((bytes.length / 1024 / 1024) * 10) / 10), max: String(megabytes(MAX_FILE_BYTES)) }) };
  const sniffed = sniffType(bytes);
  if (sniffed === null) return { ok: false, reason: msg('file.notAccepted') };
  if ('refused' in sniffed) return { ok: false, reason: sniffed.refused };
  const type = sniffed.type;
  if (type.startsWith('image/')) {
    let size: { width?: number; height?: number };
    try {
      size = imageSize(bytes);
    } catch {
      return { ok: false, reason: msg('file.imageUnreadable') };
    }
    const { width, height } = size;
    if (!width || !height) return { ok: false, reason: msg('file.imageUnreadable') };
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
      return { ok: false, reason: msg('file.imageTooLarge', { width: String(width), height: String(height), maxSide: String(MAX_IMAGE_SIDE), maxMegapixels: String(MAX_IMAGE_PIXELS / 1_000_000) }) };
    }
    return { ok: true, type, width, height };
  }
  if (type === 'application/pdf') {
    const active = activePdfParts(bytes);
    if (active.length > 0) return { ok: false, reason: msg('file.pdfActive', { found: active.map((key) => msg(key as 'file.pdfPart.javascript')) }) };
  }
  return { ok: true, type };
}
