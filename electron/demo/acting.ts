import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { Core } from '../core/create-core';

/** Calls a method through the contract; demo data must never be refused, so a refusal is a bug. */
export function must<M extends MethodName>(core: Core, method: M, input: MethodRawInput<M>): MethodOutput<M> {
  const result = core.invoke(method, input);
  if (!result.ok) throw new Error(`Demo data: ${method} was refused (${result.error.code}): ${result.error.message}`);
  return result.value;
}

/**
 * Who is at the keyboard. Every change is recorded with the installation's user name, so the demo
 * switches it (installation:update, which is local and not in the change log) before each step:
 * detachment members record police actions, liaisons the community side, the coordinator comments.
 */
export class Keyboard {
  private current: string | null = null;

  constructor(private readonly core: Core) {}

  as(userName: string): void {
    if (userName === this.current) return;
    must(this.core, 'installation:update', { userName });
    this.current = userName;
  }
}
