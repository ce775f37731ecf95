/**
 * Evidence files (issue 14 §3): what may be attached, to what, and how big. Shared by the core
 * (which enforces every limit, on attach and on import) and the renderer (which says them first).
 */

/** The kinds of record a file may be attached to: a plan, a quarterly progress entry, an engagement event. */
export const ATTACHABLE_KINDS = ['plan', 'progressEntry', 'engagement'] as const;
export type AttachableKind = (typeof ATTACHABLE_KINDS)[number];

/** One file at most this big (a signed plan scanned at 300 dpi, a phone photo: a few MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The files one bundle carries, at most this many bytes in all; the rest go in a later bundle. */
export const MAX_BUNDLE_FILE_BYTES = 100 * 1024 * 1024;
/** An image's width or height at most this many pixels, read from its header before any decoding. */
export const MAX_IMAGE_SIDE = 20_000;
/** An image at most this many pixels in all (a 48-megapixel phone photo fits twice). */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** The types accepted, as read from the bytes (never from the name). */
export const ACCEPTED_TYPES = {
  'application/pdf': { label: 'PDF', view: 'pdf' },
  'image/png': { label: 'PNG', view: 'image' },
  'image/jpeg': { label: 'JPEG', view: 'image' },
  'image/gif': { label: 'GIF', view: 'image' },
  'image/webp': { label: 'WebP', view: 'image' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word (.docx)', view: 'system' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel (.xlsx)', view: 'system' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint (.pptx)', view: 'system' },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument (.odt)', view: 'system' },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'OpenDocument (.ods)', view: 'system' },
  'application/msword': { label: 'Word 97–2003 (.doc)', view: 'system' },
  'application/vnd.ms-excel': { label: 'Excel 97–2003 (.xls)', view: 'system' },
} as const satisfies Record<string, { label: string; view: 'pdf' | 'image' | 'system' }>;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

export function isAcceptedType(type: string): type is AcceptedType {
  return Object.prototype.hasOwnProperty.call(ACCEPTED_TYPES, type);
}

/** The extension a copy of a file gets, from its type (never from the name it was attached under). */
export const EXTENSION_OF_TYPE: Readonly<Record<AcceptedType, string>> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'application/msword': '.doc',
  'application/vnd.ms-excel': '.xls',
};

/**
 * A file name for a copy handed to the system: the attached name without its extension(s), with no
 * path, control or reserved characters, and the extension its TYPE gives ("minutes.pdf.exe" of a
 * PDF is "minutes.pdf" — never ".exe").
 */
export function safeCopyName(fileName: string, type: string): string {
  const base = (fileName.replace(/\\/g, '/').split('/').pop() ?? '')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/(\.[A-Za-z0-9]{1,5})+$/, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 100);
  const ext = isAcceptedType(type) ? EXTENSION_OF_TYPE[type] : '.bin';
  return `${base === '' ? 'file' : base}${ext}`;
}

/** How a file is opened: in the planner (images, PDFs), or handed to the system after a warning. */
export function viewOf(type: string): 'pdf' | 'image' | 'system' {
  return isAcceptedType(type) ? ACCEPTED_TYPES[type].view : 'system';
}

/** A size as people read it: "840 KB", "3.2 MB" (French: "3,2 Mo" is the renderer's to write). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** A file attached to a record, as the core answers it. */
export interface Attachment {
  id: string;
  recordKind: AttachableKind;
  recordId: string;
  communityId: string;
  /** SHA-256 of the content (hex): the same content is stored once. */
  hash: string;
  fileName: string;
  size: number;
  /** The type read from the bytes (a key of ACCEPTED_TYPES). */
  type: string;
  addedBy: string;
  addedAt: string;
  /** Whether the bytes are on this computer (false: the record came in a bundle written "without files"). */
  received: boolean;
}

/** A file of a plan or of one of its quarterly progress entries (then with the entry's quarter and action). */
export interface PlanAttachment extends Attachment {
  quarter: number | null;
  actionTitle: string | null;
}

/** A file's bytes for viewing: base64, with what the planner knows of it. */
export interface AttachmentContent {
  fileName: string;
  type: string;
  size: number;
  base64: string;
}
