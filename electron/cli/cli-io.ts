/** What the command line talks to, injected so commands are plain functions. */
import fs from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, as text. */
  readStdin(): string;
  env: Record<string, string | undefined>;
  /** Today, for defaults such as the demo's "now". */
  today(): string;
  /** Whether a person is at a terminal who can be asked for a passphrase. */
  canPrompt(): boolean;
  /** Asks on the terminal without echoing what is typed; only after canPrompt() said yes. */
  promptSecret(question: string): Promise<string>;
}

export function processIo(): CliIo {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`Could not write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? (Number(process.exitCode) || 0) : 1);
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    env: process.env,
    today: () => new Date().toISOString().slice(0, 10),
    canPrompt: () => process.stdin.isTTY === true && process.stderr.isTTY === true,
    promptSecret: (question) => readHidden(question),
  };
}

/**
 * Reads one line from the terminal in raw mode, echoing nothing: Enter ends it, Backspace
 * deletes, Ctrl-C or Ctrl-D gives up.
 */
function readHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let typed = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new CliFailure('No passphrase was given; nothing was done.', 2));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** A failure with a sentence for the person and the exit code to end with (1 failure, 2 refusal). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export const isDebug = (io: CliIo) => io.env.CSP_DEBUG === '1';

/** The stack of an error, or what was thrown, for CSP_DEBUG=1. */
export function debugText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** Ends a message with one full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?]["')\]]*$/.test(t) ? t : `${t}.`;
}
