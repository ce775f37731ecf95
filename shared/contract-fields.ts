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
  ORGANISATION_KINDS,
  OWNER_PARTIES,
  PROGRESS_STATUSES,
  ROLES,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Field schemas with messages a person understands.

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;

export const missingOr = (what: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `The ${what} is missing.` : otherwise;

export const id = (what = 'id') =>
  z
    .string({ error: missingOr(what, `That ${what} is not valid.`) })
    .min(1, { error: `The ${what} is missing.` })
    .max(64, { error: `That ${what} is not valid.` })
    .regex(/^[0-9A-Za-z_-]+$/, { error: `That ${what} is not valid.` });

export const shortText = (what: string) =>
  z
    .string({ error: missingOr(what, `The ${what} must be text.`) })
    .trim()
    .min(1, { error: `The ${what} cannot be empty.` })
    .max(MAX_SHORT_TEXT, { error: `The ${what} is too long: at most ${MAX_SHORT_TEXT} characters.` });

export const longText = (what: string) =>
  z
    .string({ error: missingOr(what, `The ${what} must be text.`) })
    .max(MAX_LONG_TEXT, { error: `The ${what} is too long: at most ${MAX_LONG_TEXT.toLocaleString('en')} characters.` });

export const optionalLongText = (what: string) => longText(what).nullable().optional();

export const fiscalYear = z
  .number({ error: missingOr('fiscal year', 'The fiscal year must be a year such as 2025 (for FY 2025–26).') })
  .int({ error: 'The fiscal year must be a whole year such as 2025 (for FY 2025–26).' })
  .min(2000, { error: 'The fiscal year must be between 2000 and 2100.' })
  .max(2100, { error: 'The fiscal year must be between 2000 and 2100.' });

export const quarter = z
  .number({ error: missingOr('quarter', 'The quarter must be a number from 1 to 4.') })
  .int({ error: (issue) => `Quarter ${String(issue.input)} does not exist: quarters are 1 to 4.` })
  .min(1, { error: (issue) => `Quarter ${String(issue.input)} does not exist: quarters are 1 to 4.` })
  .max(4, { error: (issue) => `Quarter ${String(issue.input)} does not exist: quarters are 1 to 4.` })
  .transform((n) => n as 1 | 2 | 3 | 4);

export const isoDate = z
  .string({ error: missingOr('date', 'The date must be written as YYYY-MM-DD.') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'The date must be written as YYYY-MM-DD.' });

export const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: missingOr(what, `The ${what} must be one of: ${values.join(', ')}.`) });

export const progressStatus = oneOf(PROGRESS_STATUSES, 'status');
export const ownerParty = oneOf(OWNER_PARTIES, 'owner');
export const cswbZone = oneOf(CSWB_ZONES, 'zone');
export const indicatorDirection = oneOf(INDICATOR_DIRECTIONS, 'direction');
export const commitmentStatus = oneOf(COMMITMENT_STATUSES, 'commitment status');
export const role = oneOf(ROLES, 'role');
export const locale = oneOf(LOCALES, 'language');

export const idList = (what: string) => z.array(id(what), { error: `The ${what}s must be a list.` }).max(100);
export const quarterList = z.array(quarter).max(4);
export const amount = z
  .number({ error: 'The value must be a number.' })
  .refine(Number.isFinite, { error: 'The value must be a finite number.' });

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

