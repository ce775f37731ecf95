import { useState } from 'react';

/** Runs a dialog's save: busy while it runs, the core's refusal kept to show, onDone after success. */
export function useSubmit(run: () => Promise<void>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await run();
      setBusy(false);
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return { busy, error, setError, submit };
}
