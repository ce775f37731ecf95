/** The database's own handlers: the change history, integrity checks and backups. */
import * as database from '../services/database';
import { recentHistory } from '../services/history';
import type { SomeHandlers } from './handler-types';

export const databaseHandlers = {
  'history:recent': recentHistory,
  'database:integrityCheck': (ctx) => database.integrityCheck(ctx),
  'database:backup': (ctx) => database.backupNow(ctx),
  'database:listBackups': (ctx) => database.backups(ctx),
} satisfies SomeHandlers;
