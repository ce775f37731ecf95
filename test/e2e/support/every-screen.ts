/**
 * Fits the screen it is on (issue 12 §4): every screen and dialog of the visit list, in English and
 * French, at 1366×768 (the users' laptop), 911×600 (the same laptop at 150 % scaling), 800 px and
 * 640 px (1280 px at 200 % zoom, WCAG 1.4.10 reflow):
 * - the page never scrolls sideways;
 * - no control is cut off: every visible button, link and field lies inside the window and inside
 *   any ancestor that hides its overflow (a control inside a box that scrolls by design is reachable);
 * - fixed and sticky bars leave at least half the window's height to the content;
 * - axe finds no serious or critical violation at 1366 and at 911 px;
 * - the page is in the person's language, with no raw catalogue key, no placeholder left in the
 *   text ("{{count}}": a message given the wrong values) and no emoji (empty boxes where the system
 *   has no emoji font); no script error.
 * Each screen is loaded once per language; the widths are changed on the loaded page. A full-page
 * screenshot at 1366 px goes to test/output/screenshots/<lang>-<visit>.png, the window at 911 px to
 * 911-<lang>-<visit>.png, to be looked at.
 *
 * One test file per language (every-screen-en.e2e.test.ts, every-screen-fr.e2e.test.ts), each with
 * its own harness, demo database and browser, so the two languages run side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../../electron/harness/preview-server';
import { seriousViolations } from './axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './demo-database';
import { startHarness } from './harness';
import { go, SCREENSHOT_DIR, screenReady, screenshot } from './ui';
import { becomeFor, everyScreenVisits, type Visit } from './visits';

const SIZES = [
  { width: 1366, height: 768, axe: true },
  { width: 911, height: 600, axe: true, screenshot: true },
  { width: 800, height: 600, axe: false },
  { width: 640, height: 400, axe: false },
] as const;

export interface LayoutProblems {
  /** How far the page scrolls sideways, in CSS pixels (0 when it does not). */
  sideways: number;
  /** Controls outside the window or clipped by an ancestor, described. */
  cutOff: string[];
  /** The height fixed and sticky bars take from the window, as a share of it. */
  barsShare: number;
}

/**
 * Runs in the page: what does not fit. Written for any screen, so new screens are checked as soon
 * as they are in the visit list.
 */
function layoutProblems(): LayoutProblems {
  const root = document.documentElement;
  const vw = root.clientWidth;
  const vh = root.clientHeight;
  const describe = (el: Element) => {
    const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? (el as HTMLInputElement).name ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  };
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const hides = (value: string) => value === 'hidden' || value === 'clip';
  const cutOff: string[] = [];
  const controls = document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])');
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    // Hidden, or a screen-reader-only element (1 px, clipped on purpose).
    if (box.width <= 1 || box.height <= 1 || !el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
    if (el.closest('.visually-hidden')) continue;
    let reachable = false;
    let clippedBy: Element | null = null;
    for (let a = el.parentElement; a && a !== root && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (scrolls(style.overflowX) || scrolls(style.overflowY)) {
        // Scrolls by design: whatever is inside can be scrolled to (the box itself is checked as its own element).
        reachable = true;
        break;
      }
      if (hides(style.overflowX) || hides(style.overflowY)) {
        const outer = a.getBoundingClientRect();
        const x = hides(style.overflowX) && (box.left < outer.left - 1 || box.right > outer.right + 1);
        const y = hides(style.overflowY) && (box.top < outer.top - 1 || box.bottom > outer.bottom + 1);
        if (x || y) {
          clippedBy = a;
          break;
        }
      }
    }
    if (reachable) continue;
    if (clippedBy) cutOff.push(`${describe(el)} clipped by ${clippedBy.tagName.toLowerCase()}.${[...clippedBy.classList].join('.')}`);
    else if (box.left < -1 || box.right > vw + 1) cutOff.push(`${describe(el)} at ${Math.round(box.left)}–${Math.round(box.right)} px of ${vw}`);
  }
  // Fixed and sticky bars (a dialog's full-window backdrop is not a bar).
  let bars = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const position = getComputedStyle(el).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    if (el.closest('.history-wrap, .table-wrap')) continue; // sticky table headings inside their own scroll box
    const box = el.getBoundingClientRect();
    if (box.height >= vh * 0.9 || box.bottom <= 0 || box.top >= vh || box.width === 0) continue;
    bars += Math.min(box.bottom, vh) - Math.max(box.top, 0);
  }
  return { sideways: Math.max(0, root.scrollWidth - root.clientWidth), cutOff, barsShare: Math.round((bars / vh) * 100) / 100 };
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The check in one language: every visit, every width. */
export function everyScreenFits(locale: 'en' | 'fr'): void {
  describe.skipIf(!chromiumAvailable())(`every screen fits 1366, 911, 800 and 640 px wide, in ${locale === 'en' ? 'English' : 'French'}`, () => {
    let server: PreviewServer;
    let dir: string | undefined;
    let browser: Browser;
    let page: Page;
    let visits: Visit[] = [];
    let scopeCommunityId = '';

    beforeAll(async () => {
      server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
      ({ visits, scopeCommunityId } = everyScreenVisits(server));
      // VISITS=progress,home-detachment checks only those while working on a screen.
      const only = process.env.VISITS?.split(',');
      if (only) visits = visits.filter((v) => only.includes(v.name));
      browser = await launchChromium();
      page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) removeTempDir(dir);
    });

    it(`scrolls no page sideways, cuts off no control, has no serious axe violation and no missing text, in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      const layout: Record<string, Partial<LayoutProblems>> = {};
      const axe: Record<string, unknown> = {};
      const raw: Record<string, string[]> = {};
      for (const visit of visits) {
        becomeFor(server, visit, locale, scopeCommunityId);
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto('about:blank');
        await go(page, server.url, visit.hash);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale === 'fr' ? 'fr-CA' : 'en-CA');
        if (visit.then) await visit.then(page, locale);
        await screenReady(page);
        // A catalogue key shown as text ("plan.addAction") means a missing translation; so does a
        // placeholder left in the text.
        const found = await page.evaluate(() => {
          const text = document.body.innerText;
          return [...(text.match(/\b[a-z]+\.[a-z]+[A-Za-z]*\.[a-zA-Z.]+\b/g) ?? []), ...(text.match(/\{\{\s*\w+\s*\}\}/g) ?? []), ...(text.match(/\p{Extended_Pictographic}/gu) ?? [])];
        });
        if (found.length) raw[visit.name] = found;
        await screenshot(page, `${locale}-${visit.name}`);
        for (const size of SIZES) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await settle(page);
          let found = await page.evaluate(layoutProblems);
          // Charts follow the window through a ResizeObserver, a frame or two after the resize: a
          // problem must still be there once they have, or it was only the moment of resizing.
          if (found.sideways > 0 || found.cutOff.length) {
            await page.waitForTimeout(400);
            await settle(page);
            found = await page.evaluate(layoutProblems);
          }
          const wrong: Partial<LayoutProblems> = {};
          if (found.sideways > 0) wrong.sideways = found.sideways;
          if (found.cutOff.length) wrong.cutOff = found.cutOff.slice(0, 6);
          if (found.barsShare > 0.5) wrong.barsShare = found.barsShare;
          if (Object.keys(wrong).length) layout[`${visit.name} @${size.width}`] = wrong;
          if (size.axe) {
            const violations = await seriousViolations(page);
            if (violations.length) axe[`${visit.name} @${size.width}`] = violations;
          }
          // What a person at 150 % scaling sees first: the window, not the whole page.
          if ('screenshot' in size) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `911-${locale}-${visit.name}.png`) });
        }
      }
      expect({ layout, axe, raw, problems: pageProblems(page) }).toEqual({ layout: {}, axe: {}, raw: {}, problems: [] });
    }, 600_000);
  });
}
