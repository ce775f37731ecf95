/**
 * Field schemas and method builders of the one contract (see contract.ts) between the renderer (or any adapter: CLI, browser harness) and the core.
 * Every method is declared once here: its name (namespace:verb), its input schema (zod) and its
 * output type. The core's handler map, the preload bridge and the renderer client are typed from it.
 */
import { z } from 'zod';
import {
  COMMITMENT_STATUSES,
  CSWB_ZONES,
  INDICATOR_DIRECTIONS,
  LOCALES,
  OWNER_PARTIES,
  PROGRESS_STATUSES,
  ROLES,
} from './vocabulary';
import { hasActiveCharacters } from './active-text';
import { noun, type Noun, schemaMessage } from './core-messages';

// ---------------------------------------------------------------------------------------------
// Field schemas with messages a person understands.

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;

/** A zod message that is a catalogue reference, rendered in the reader's language (core-messages.ts). */
const m = schemaMessage;

export const missingOr = (what: Noun, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? m('input.missing', { field: noun(what) }) : otherwise;

export const id = (what: Noun = 'id') =>
  z
    .string({ error: missingOr(what, m('input.invalidId', { field: noun(what) })) })
    .min(1, { error: m('input.missing', { field: noun(what) }) })
    .max(64, { error: m('input.invalidId', { field: noun(what) }) })
    .regex(/^[0-9A-Za-z_-]+$/, { error: m('input.invalidId', { field: noun(what) }) });

export const shortText = (what: Noun) =>
  z
    .string({ error: missingOr(what, m('input.mustBeText', { field: noun(what) })) })
    .trim()
    .min(1, { error: m('input.empty', { field: noun(what) }) })
    .max(MAX_SHORT_TEXT, { error: m('input.tooLong', { field: noun(what), max: MAX_SHORT_TEXT }) });

/**
 * A name other computers will see or a terminal will show (the installation's name, the user's
 * name on every change, a peer's label): short text without control characters, escape codes,
 * line breaks or text-direction marks (shared/active-text.ts).
 */
export const plainName = (what: Noun) =>
  shortText(what).refine((text) => !hasActiveCharacters(text), { error: m('input.activeCharacters', { field: noun(what) }) });

export const longText = (what: Noun) =>
  z
    .string({ error: missingOr(what, m('input.mustBeText', { field: noun(what) })) })
    .max(MAX_LONG_TEXT, { error: m('input.tooLong', { field: noun(what), max: MAX_LONG_TEXT }) });

export const optionalLongText = (what: Noun) => longText(what).nullable().optional();

export const fiscalYear = z
  .number({ error: missingOr('fiscal year', m('input.fiscalYear.type')) })
  .int({ error: m('input.fiscalYear.whole') })
  .min(2000, { error: m('input.fiscalYear.range') })
  .max(2100, { error: m('input.fiscalYear.range') });

const noSuchQuarter = (issue: { input?: unknown }) => m('input.quarter.outOfRange', { value: String(issue.input) });
export const quarter = z
  .number({ error: missingOr('quarter', m('input.quarter.type')) })
  .int({ error: noSuchQuarter })
  .min(1, { error: noSuchQuarter })
  .max(4, { error: noSuchQuarter })
  .transform((n) => n as 1 | 2 | 3 | 4);

export const isoDate = z
  .string({ error: missingOr('date', m('input.date')) })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: m('input.date') });

export const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: Noun) =>
  z.enum(values, { error: missingOr(what, m('input.oneOf', { field: noun(what), values: values.join(', ') })) });

export const progressStatus = oneOf(PROGRESS_STATUSES, 'status');
export const ownerParty = oneOf(OWNER_PARTIES, 'owner');
export const cswbZone = oneOf(CSWB_ZONES, 'zone');
export const indicatorDirection = oneOf(INDICATOR_DIRECTIONS, 'direction');
export const commitmentStatus = oneOf(COMMITMENT_STATUSES, 'commitment status');
export const role = oneOf(ROLES, 'role');
export const locale = oneOf(LOCALES, 'language');

/** Nouns whose plural ("theme ids") is in the catalogue too, for the list's own message. */
type ListNoun = { [N in Noun]: `${N}s` extends Noun ? N : never }[Noun];
export const idList = (what: ListNoun) => z.array(id(what), { error: m('input.list', { field: noun(`${what}s`) }) }).max(100);
export const quarterList = z.array(quarter).max(4);
export const amount = z
  .number({ error: m('input.value.number') })
  .refine(Number.isFinite, { error: m('input.value.finite') });

export const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

// ---------------------------------------------------------------------------------------------
// The methods.

/** A method's declaration: the input schema and (as a phantom type) what it answers. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** True for methods that change data (recorded in the change log). */
  writes: boolean;
  /** Phantom: never read at run time. */
  readonly output?: O;
}

// Curried so the output type is named and the input type is inferred from the schema.
export const read =
  <O>() =>
  <I extends z.ZodType>(summary: string, inputSchema: I): MethodSpec<I, O> => ({ input: inputSchema, summary, writes: false });
export const write =
  <O>() =>
  <I extends z.ZodType>(summary: string, inputSchema: I): MethodSpec<I, O> => ({ input: inputSchema, summary, writes: true });

