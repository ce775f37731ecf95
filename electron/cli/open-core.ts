/**
 * Opens the planner database for the command line with the same createCore the desktop app uses,
 * turning every way it can fail into one sentence (classified in electron/core/open-failure.ts,
 * like the desktop app's). Nothing is written to stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { classifyOpenFailure, openFailureMessage } from '../core/open-failure';
import { msg, renderMessage } from '../../shared/core-messages';
import { type CliIo, CliFailure, debugText, isDebug, sentence } from './cli-io';

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}

/** The CLI's sentence (in English, the command line's language) for a database that could not be opened. */
export function describeOpenFailure(error: unknown, file: string): string {
  const failure = classifyOpenFailure(error);
  return sentence(renderMessage(openFailureMessage(failure, 'cli', file, firstLine(failure.text))));
}

export interface OpenOptions {
  /** Refuse when the file does not exist yet (every command but init). */
  mustExist: boolean;
  core?: Partial<Omit<CoreOptions, 'dbFile' | 'log'>>;
}

export function openCore(io: CliIo, dbFile: string, options: OpenOptions): Core {
  const file = path.resolve(dbFile);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliFailure(renderMessage(msg('open.cli.is_folder', { file })), 1);
  if (options.mustExist && !fs.existsSync(file)) throw new CliFailure(renderMessage(msg('open.cli.missing', { file })), 1);
  try {
    return createCore({
      ...options.core,
      dbFile: file,
      log: (message, error) => {
        io.stderr(`${sentence(message)}\n`);
        if (isDebug(io)) io.stderr(`${debugText(error)}\n`);
      },
    });
  } catch (error) {
    if (isDebug(io)) io.stderr(`${debugText(error)}\n`);
    throw new CliFailure(describeOpenFailure(error, file), 1);
  }
}
