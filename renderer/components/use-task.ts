import { useState } from 'react';

/** A button's task: busy while it runs; a failure goes to `onError` (the panel's banner). */
export function useTask(onError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
