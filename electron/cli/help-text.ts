export function helpText(defaultDb: string, maxScale: number): string {
  return `Community Safety Planner — command line over the same core as the desktop app.

Usage
  npm run -s cli -- [--db FILE] <command> [arguments]
  (-s keeps npm's own lines off stdout, so "call" prints only JSON.)

Commands
  init [--demo] [--seed N] [--scale N] [--now YYYY-MM-DD]
      Create the database, or bring an existing one up to date. With --demo, fill an
      empty database with a demo territory: 33 communities, 12 of them with plans over
      2 + N fiscal years (scale 1 to ${maxScale}) ending in the year of --now (default today).
      The same seed, scale and date give the same plans, people and history.
  call <method> [JSON | -]
      Call one method with a JSON input (default {}; "-" reads it from stdin) and print
      the result envelope as JSON: {"ok": true, "value": …} or {"ok": false, "error": …}.
  methods [--json]
      List every method with its summary and input fields; --json adds JSON Schemas.
  help
      Show this text.

Options
  --db FILE   The database file. Without it: the desktop app's own database,
              ${defaultDb}

Exit codes
  0 done · 1 something went wrong (the sentence says what) · 2 refused: a mistake in the
  command, invalid JSON, an unknown method, or an input or request the planner refuses.

Examples
  npm run -s cli -- --db demo.db init --demo --seed 7
  npm run -s cli -- --db demo.db call communities:list '{}'
  npm run -s cli -- --db demo.db call completeness:matrix '{"fiscalYear": 2026}'
  echo '{"fiscalYear": 2026}' | npm run -s cli -- --db demo.db call plans:list -
  npm run -s cli -- methods --json > methods.json

Environment
  CSP_DEBUG=1   also print the stack trace of an unexpected error.
`;
}
