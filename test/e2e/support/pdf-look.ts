/**
 * An automated look at a printed PDF, with the poppler tools an independent reader would use
 * (Debian's poppler-utils): the words' boxes from `pdftotext -bbox` and the pages' pixels from
 * `pdftoppm -gray` (a plain PGM, read here without any image library).
 *
 * - cutWords: words that reach into the page's right or left margin strip, or past the page's
 *   edge (a table too wide for the paper, a long unbroken URL pushing a column off the page).
 * - inkInRightStrip: pages whose outermost strip at the right edge is not white (what a clipped
 *   table leaves when the PDF drops the words themselves).
 * - filledBands: pages with a tall band of rows filled edge to edge (a background colour painted
 *   over the page, such as a grey block under the last page's content).
 * - blankAfterContent: on the last page, how much of the space below the last line of content
 *   (above the footer) is not white.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
}

const entity = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The pages and their words, in PDF points (1/72 inch), y from the top. */
export function pdfWords(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(chunk)![1]);
    const height = Number(/height="([\d.]+)"/.exec(chunk)![1]);
    const words = [...chunk.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: entity(m[5]!),
    }));
    pages.push({ width, height, words });
  }
  return pages;
}

/** The whole document's text, one string (for finding a name). */
export function pdfPlainText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Words of the body (above the bottom `footer` points, where the page number sits in its margin
 * box) that reach into the outer `strip` points at the left or right of their page.
 */
export function cutWords(pages: PdfPage[], strip: number, footer = 0): Array<{ page: number; text: string; xMin: number; xMax: number; width: number }> {
  return pages.flatMap((p, i) =>
    p.words
      .filter((w) => w.yMax < p.height - footer && (w.xMax > p.width - strip || w.xMin < strip))
      .map((w) => ({ page: i + 1, text: w.text, xMin: w.xMin, xMax: w.xMax, width: p.width })),
  );
}

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
export function readPgm(file: string): Gray {
  const data = fs.readFileSync(file);
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]!))) at += 1;
    if (data[at] === 0x23) {
      while (data[at] !== 0x0a) at += 1;
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(data[at]!))) field += String.fromCharCode(data[at++]!);
    fields.push(field);
  }
  at += 1; // the one whitespace after the maximum value
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`${file} is not an 8-bit binary PGM`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: data.subarray(at, at + width * height) };
}

/** Every page as a grey image at `dpi` (low: the look is coarse), in order. */
export function pdfPages(file: string, dpi: number): Gray[] {
  const prefix = file.replace(/\.pdf$/, '');
  for (const old of fs.readdirSync(pathDir(prefix)).filter((f) => f.startsWith(pathBase(prefix) + '-') && f.endsWith('.pgm'))) fs.rmSync(`${pathDir(prefix)}/${old}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, prefix]);
  return fs
    .readdirSync(pathDir(prefix))
    .filter((f) => f.startsWith(pathBase(prefix) + '-') && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]))
    .map((f) => readPgm(`${pathDir(prefix)}/${f}`));
}

const pathDir = (p: string) => p.slice(0, p.lastIndexOf('/'));
const pathBase = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Below this a pixel is ink or a fill, not paper. */
const WHITE = 250;

function inkShare(g: Gray, x0: number, x1: number, y0: number, y1: number): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.max(0, y0); y < Math.min(g.height, y1); y += 1) {
    for (let x = Math.max(0, x0); x < Math.min(g.width, x1); x += 1) {
      all += 1;
      if (g.pixels[y * g.width + x]! < WHITE) ink += 1;
    }
  }
  return all === 0 ? 0 : ink / all;
}

/** Pages (1-based) with any ink in the outer `share` of their width at the right edge. */
export function inkInRightStrip(pages: Gray[], share: number): number[] {
  return pages.flatMap((g, i) => (inkShare(g, Math.floor(g.width * (1 - share)), g.width, 0, g.height) > 0 ? [i + 1] : []));
}

/**
 * The tallest band of rows (as a share of the page's height) that are not white across nearly
 * the whole page's width, per page. A table's header row is a thin band inside the margins; a
 * painted background is a tall one from edge to edge.
 */
export function filledBands(pages: Gray[]): number[] {
  return pages.map((g) => {
    let run = 0;
    let longest = 0;
    for (let y = 0; y < g.height; y += 1) {
      const filled = inkShare(g, 0, g.width, y, y + 1) > 0.9;
      run = filled ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest / g.height;
  });
}

/**
 * The share of non-white pixels between the last line of content on the last page and the
 * footer (the bottom `footer` points, where the page number is), across the page's width.
 */
export function inkBelowContent(page: PdfPage, image: Gray, footer: number): number {
  const body = page.words.filter((w) => w.yMax < page.height - footer);
  const last = body.length ? Math.max(...body.map((w) => w.yMax)) : 0;
  const scale = image.height / page.height;
  const top = Math.ceil((last + 6) * scale);
  const bottom = Math.floor((page.height - footer) * scale);
  if (bottom - top < 4) return 0;
  return inkShare(image, 0, image.width, top, bottom);
}

/**
 * Table rules cut at the right margin: rows of ink that run across the whole printable width
 * (a table's horizontal border, from the left margin to the right one) whose right end has no
 * vertical border (drawn in full) going up or down from it — the table's right edge was clipped
 * by the page, as happens when a collapsed border's outer half lies past the printable width.
 * `margin` is the page's left and right margin in image pixels. Returns "page:row" entries.
 */
export function clippedRules(pages: Gray[], margin: number): string[] {
  const found: string[] = [];
  pages.forEach((g, index) => {
    const left = Math.round(margin);
    const right = g.width - Math.round(margin);
    const dark = (x: number, y: number) => (x >= 0 && y >= 0 && x < g.width && y < g.height ? 255 - g.pixels[y * g.width + x]! : 0);
    for (let y = 0; y < g.height; y += 1) {
      if (inkShare(g, left + 6, right - 6, y, y + 1) < 0.97) continue;
      let end = -1;
      for (let x = Math.min(g.width - 1, right + 4); x >= right - 8; x -= 1) {
        if (dark(x, y) > 255 - WHITE) {
          end = x;
          break;
        }
      }
      if (end < 0) continue;
      // The rule's own darkness, well inside; a border drawn in full is about as dark.
      const line = dark(end - 6, y);
      let vertical = 0;
      for (let dy = -12; dy <= 12; dy += 1) {
        if (dy !== 0 && dark(end, y + dy) + dark(end - 1, y + dy) + dark(end - 2, y + dy) >= 0.7 * line) vertical += 1;
      }
      if (vertical < 10) found.push(`${index + 1}:${y}`);
    }
  });
  return found;
}
