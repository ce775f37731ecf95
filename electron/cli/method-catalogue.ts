/**
 * Every contract method with its summary and a JSON Schema of its input, generated from the zod
 * schema, for `methods` and for scripts that want to build inputs.
 */
import { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract';

export interface MethodDescription {
  name: MethodName;
  summary: string;
  writes: boolean;
  /** JSON Schema (draft 2020-12) of what the method accepts; {} when it could not be generated. */
  input: Record<string, unknown>;
  /** Why there is no schema, when generation failed. */
  inputSchemaError?: string;
}

export function describeMethod(name: MethodName): MethodDescription {
  const spec = contract[name];
  const base = { name, summary: spec.summary, writes: spec.writes };
  try {
    const input = z.toJSONSchema(spec.input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return { ...base, input };
  } catch (error) {
    return { ...base, input: {}, inputSchemaError: error instanceof Error ? error.message : String(error) };
  }
}

export function describeMethods(): MethodDescription[] {
  return METHOD_NAMES.map(describeMethod);
}

/** "communityId*, fiscalYear*, title" — the input's fields, required ones starred. */
export function fieldList(schema: Record<string, unknown>): string {
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (!properties) return '';
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.keys(properties)
    .map((key) => (required.has(key) ? `${key}*` : key))
    .join(', ');
}

export function formatMethods(methods: MethodDescription[]): string {
  const width = Math.max(...methods.map((m) => m.name.length)) + 2;
  const lines: string[] = [];
  let namespace = '';
  for (const m of methods) {
    const ns = m.name.split(':')[0]!;
    if (ns !== namespace && lines.length > 0) lines.push('');
    namespace = ns;
    lines.push(`${m.name.padEnd(width)}${m.writes ? '[writes] ' : ''}${m.summary}`);
    const fields = fieldList(m.input);
    lines.push(`${' '.repeat(width)}input: ${fields ? `{ ${fields} }` : m.inputSchemaError ? '(schema unavailable)' : '{}'}`);
  }
  lines.push('', '* required. "methods --json" gives each input as a JSON Schema.');
  return `${lines.join('\n')}\n`;
}
