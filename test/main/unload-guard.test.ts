import { describe, expect, it } from 'vitest';
import type { BrowserWindow, WebContents } from 'electron';
import { guardUnload, UNLOAD_QUESTION } from '../../electron/main/unload-guard';

/** The page prevented beforeunload (unsaved edits): Electron asks us; we ask the person. */
function closeWith(choice: number) {
  let handler: ((event: { preventDefault(): void }) => void) | undefined;
  const contents = { on: (name: string, h: typeof handler) => void (name === 'will-prevent-unload' && (handler = h)) } as unknown as Pick<WebContents, 'on'>;
  const asked: unknown[] = [];
  guardUnload({} as BrowserWindow, contents, { showMessageBoxSync: (_w, options) => (asked.push(options), choice) });
  let unloaded = false;
  handler!({ preventDefault: () => (unloaded = true) });
  return { asked, unloaded };
}

describe('closing the window with unsaved edits', () => {
  it('asks in English and French, Stay first; Stay keeps the window, Leave lets it close', () => {
    expect(UNLOAD_QUESTION.defaultId).toBe(0);
    expect(UNLOAD_QUESTION.cancelId).toBe(0);
    expect(UNLOAD_QUESTION.message).toContain('Quitter sans enregistrer\u00a0?');
    const stay = closeWith(0);
    expect(stay.asked).toEqual([UNLOAD_QUESTION]);
    expect(stay.unloaded).toBe(false);
    expect(closeWith(1).unloaded).toBe(true);
  });
});
