/**
 * Choosing the enrolment files (requests, enrolment bundles, recovery files) the way plan bundles
 * are chosen: the system's dialogs in the app, an upload or a download in the browser preview
 * (see renderer/api/bundle-files.ts). Screens get a button and never care which.
 */
import { useRef, useState } from 'react';
import { Button, type ButtonVariant } from '../../components/Button';
import { useBundleFiles } from '../exchange/use-bundle-files';

/** A button that asks for a file to open and hands its path on; in the browser a hidden file input. */
export function OpenFileButton({
  label,
  onChosen,
  onError,
  variant = 'primary',
  testId,
}: {
  label: string;
  onChosen: (file: string) => void | Promise<void>;
  onError: (error: unknown) => void;
  variant?: ButtonVariant;
  testId: string;
}) {
  const files = useBundleFiles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function run(get: () => Promise<string | null>) {
    setBusy(true);
    onError(null);
    try {
      const file = await get();
      if (file) await onChosen(file);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant={variant} busy={busy} onClick={() => (files.mode === 'browser' ? input.current?.click() : void run(files.chooseToOpen))}>
        {label}
      </Button>
      {files.mode === 'browser' ? (
        <input
          ref={input}
          type="file"
          hidden
          data-testid={testId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(() => files.upload(file));
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Where to write a file: a save dialog in the app; in the browser the harness's folder, and the
 * file is handed to the browser's download once written.
 */
export function useSaveFile() {
  const files = useBundleFiles();
  return {
    mode: files.mode,
    /** Asks where, writes with `write(path)`, and downloads it in the browser; null when cancelled. */
    async save<T>(suggestedName: string, write: (file: string) => Promise<T>): Promise<T | null> {
      const file = await files.chooseDestination(suggestedName);
      if (!file) return null;
      const result = await write(file);
      if (files.mode === 'browser') await files.download(file);
      return result;
    },
  };
}

/** A plain file name from a computer's name: "Fort Smith detachment" → "Fort-Smith-detachment". */
export function fileNameOf(text: string, fallback: string): string {
  const part = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/[\s._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return part || fallback;
}
