/**
 * The one contract between the renderer (or any adapter: CLI, browser harness) and the core.
 * Every method is declared once, in the domain's file (contract-planning.ts, contract-sync.ts …),
 * with its name (namespace:verb), its input schema (zod) and its output type; this file joins
 * them. The core's handler map, the preload bridge and the renderer client are typed from it.
 */
import { z } from 'zod';
import { backupMethods } from './contract-backups';

import { commentMethods } from './contract-comments';
import { operationMethods, progressEventSchema } from './contract-operations';
import { exchangeExportMethods } from './contract-exchange-export';
import { filesMethods } from './contract-files';
import { planningMethods } from './contract-planning';
import { referenceMethods } from './contract-reference';
import { reportMethods } from './contract-reports';
import { syncMethods } from './contract-sync';
import { territoryMethods } from './contract-territory';
import { attachmentMethods } from './contract-attachments';

import { practiceMethods } from './contract-practices';

import { engagementMethods } from './contract-engagements';

import { quarterReviewMethods } from './contract-quarter-review';

export * from './contract-fields';

export const contract = {
  ...planningMethods,
  ...referenceMethods,
  ...syncMethods,
  ...reportMethods,
  ...filesMethods,
  ...territoryMethods,
  ...exchangeExportMethods,
  ...backupMethods,
  ...commentMethods,
  ...operationMethods,
  ...attachmentMethods,

  ...practiceMethods,

  ...engagementMethods,

  ...quarterReviewMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a caller may send (before defaults and trimming). */
export type MethodRawInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Push events main → renderer. */
export const events = {
  'data:changed': z.strictObject({ methods: z.array(z.string()) }),
  'bundle:open': z.strictObject({ file: z.string() }),
  /** How far a long operation running in the core's worker is (shared/contract-operations.ts). */
  progress: progressEventSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
