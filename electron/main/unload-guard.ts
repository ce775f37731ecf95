/**
 * Closing the window (or reloading) while the page holds unsaved edits: the renderer prevents
 * `beforeunload` then (renderer/app/leave-guard.tsx). Chromium would show its own question, but
 * Electron shows nothing and silently keeps the window open, so the close button would seem
 * broken; `will-prevent-unload` is where the question is asked instead. The page's language is not
 * known here synchronously (the handler must decide before it returns), so the box is written in
 * English and French, as bilingual government notices are.
 */
import type { BrowserWindow, MessageBoxSyncOptions, WebContents } from 'electron';

export interface MessageBoxLike {
  showMessageBoxSync(window: BrowserWindow, options: MessageBoxSyncOptions): number;
}

export const UNLOAD_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Community Safety Planner',
  message: 'Leave without saving? / Quitter sans enregistrer\u00a0?',
  detail:
    'Some changes have not been saved yet. If you close now, they are lost.\n\nCertaines modifications ne sont pas encore enregistrées. Si vous fermez maintenant, elles seront perdues.',
  buttons: ['Stay / Rester', 'Leave without saving / Quitter sans enregistrer'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** Asks before the page's unsaved edits are thrown away; Leave lets the close (or reload) go on. */
export function guardUnload(window: BrowserWindow, contents: Pick<WebContents, 'on'>, dialog: MessageBoxLike): void {
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, UNLOAD_QUESTION);
    // preventDefault here means: ignore the page's beforeunload and unload anyway.
    if (choice === 1) event.preventDefault();
  });
}
