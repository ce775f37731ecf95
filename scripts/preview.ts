#!/usr/bin/env -S npx tsx
/** The browser harness's entry point: `npm run preview -- (--db FILE | --app-db) [--port N] [--rebuild]`. */
import path from 'node:path';
import { defaultDatabaseFile } from '../electron/cli/default-db-path';
import { DEFAULT_PORT, startPreviewServer } from '../electron/harness/preview-server';


function parseArgs(argv: string[]): { dbFile: string; port: number; rebuild: boolean } {
  let dbFile: string | undefined;
  let port = DEFAULT_PORT;
  let rebuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') dbFile = argv[++i];
    // `npm start` falls back to the preview on the desktop app's own database.
    else if (arg === '--app-db') dbFile = defaultDatabaseFile();
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg === '--rebuild') rebuild = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run preview -- (--db FILE | --app-db) [--port N] [--rebuild]');
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}. Usage: npm run preview -- --db FILE [--port N] [--rebuild]`);
  }
  if (!dbFile) throw new Error('Name the database: npm run preview -- --db FILE [--port N]');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('The port must be a whole number from 0 to 65535.');
  return { dbFile: path.resolve(dbFile), port, rebuild };
}

{
  try {
    const args = parseArgs(process.argv.slice(2));
    const server = await startPreviewServer({ dbFile: args.dbFile, port: args.port, build: args.rebuild ? 'always' : 'auto' });
    console.log(`Community Safety Planner preview (database ${args.dbFile}). Open this one-time address in your browser (it lets in the first browser that opens it; keep it to yourself):`);
    console.log(`  ${server.openingUrl()}`);
    console.log('Press Ctrl+C to stop.');
    const stop = () => {
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
