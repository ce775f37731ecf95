/**
 * The demo kept apart: the demo territory lives in its own database file, never in the real one.
 * Answered by the ADAPTERS (Electron main, the browser harness), which switch the core they call
 * between the real database and the demo's; the core itself knows nothing of it (it answers
 * unknown_method). The renderer shows a "Demo — not real data" banner while the demo is open
 * (installation:setupState's isDemo).
 */
export const demoMethods = {
  'demo:open': 'Open the demo territory (its own database, made and seeded on first use) instead of the real database.',
  'demo:leave': 'Go back to the real database from the demo.',
} as const;

export type DemoMethodName = keyof typeof demoMethods;

export interface DemoSwitched {
  /** Whether the demo database is now the one open. */
  demo: boolean;
}

export function isDemoMethodName(name: unknown): name is DemoMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(demoMethods, name);
}
