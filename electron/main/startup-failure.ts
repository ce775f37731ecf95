/**
 * What a person reads when the planner cannot start. Plain sentences in the person's language, no
 * stack: the details go to the log for whoever supports the installation. The failure to open the
 * database is classified in electron/core/open-failure.ts (shared with the CLI) and worded here.
 */
import { classifyOpenFailure, openFailureMessage } from '../core/open-failure';
import { msg, renderMessage } from '../../shared/core-messages';
import type { Locale } from '../../shared/vocabulary';

export interface StartupFailureMessage {
  title: string;
  body: string;
}

/** Explains a failure to open (create, back up or migrate) the database. */
export function databaseOpenFailureMessage(error: unknown, dbFile: string, locale: Locale = 'en'): StartupFailureMessage {
  return {
    title: renderMessage(msg('startup.couldNotStart'), locale),
    body: renderMessage(openFailureMessage(classifyOpenFailure(error), 'app', dbFile), locale),
  };
}

/** Explains that the renderer's files are missing (a development build that skipped it, or a broken install). */
export function missingRendererMessage(rendererRoot: string, locale: Locale = 'en'): StartupFailureMessage {
  return { title: renderMessage(msg('startup.couldNotStart'), locale), body: renderMessage(msg('startup.missingRenderer', { folder: rendererRoot }), locale) };
}

/** Anything else that stops the start (`stopped`: an uncaught error once running, which ends the process). */
export function unexpectedFailureMessage(when: 'starting' | 'stopped', locale: Locale = 'en'): StartupFailureMessage {
  return when === 'stopped'
    ? { title: renderMessage(msg('startup.stopped'), locale), body: renderMessage(msg('startup.stoppedBody'), locale) }
    : { title: renderMessage(msg('startup.couldNotStart'), locale), body: renderMessage(msg('startup.unexpected'), locale) };
}

/** The language of the dialogs shown before the database is open: the system's (Electron's app.getLocale()). */
export function startupLocale(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
