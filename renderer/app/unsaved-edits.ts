/**
 * Unsaved edits, so that nothing typed is lost by leaving: screens and dialogs register a check
 * ("do I hold edits not saved yet?") under a key; the app's navigation, back and forward, and
 * closing the window consult it first (see leave-guard.tsx). A small module with subscribe (not
 * the store): dialogs and screens register from anywhere, tests can read it directly.
 */
import { useEffect, useRef } from 'react';
import type { PlannerStore } from './planner-store';
import { MAX_LONG_TEXT } from '../components/Field';

type Check = () => boolean;

const checks = new Map<string, Check>();

/** Registers `check` under `key` (a later registration with the same key replaces it); returns the unregistration. */
export function registerUnsavedEdits(key: string, check: Check): () => void {
  checks.set(key, check);
  return () => {
    if (checks.get(key) === check) checks.delete(key);
  };
}

/** True while any registered screen or dialog holds edits not saved yet. */
export function hasUnsavedEdits(): boolean {
  for (const check of checks.values()) {
    try {
      if (check()) return true;
    } catch {
      // A check that throws cannot say its edits are safe: count them as unsaved.
      return true;
    }
  }
  return false;
}

/** Forgets every registration (the user chose to discard; and between tests). */
export function clearUnsavedEdits(): void {
  checks.clear();
}

let counter = 0;

/**
 * Registers the calling component while it lives: `dirty` is read when asked (a ref), so a form
 * that re-renders on each keystroke does not re-register each time.
 */
export function useUnsavedEdits(dirty: boolean, key?: string): void {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const keyRef = useRef<string | null>(null);
  if (keyRef.current === null) keyRef.current = key ?? `unsaved-${++counter}`;
  useEffect(() => registerUnsavedEdits(keyRef.current!, () => dirtyRef.current), []);
}

/** Registers `check` (asked when needed, e.g. reading a store) under `key` while the caller lives. */
export function useUnsavedEditsCheck(key: string, check: Check): void {
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => registerUnsavedEdits(key, () => checkRef.current()), [key]);
}

/**
 * True once `values` differ from what they were on the first render (a form's initial values):
 * compared as JSON, so arrays and objects of plain values compare by content.
 */
export function useChanged(values: unknown): boolean {
  const initial = useRef<string | null>(null);
  const now = JSON.stringify(values);
  if (initial.current === null) initial.current = now;
  return now !== initial.current;
}

/**
 * The progress form's check: leaving it saves every row, so only what the core refused (a row or
 * an indicator value in error) or what it will refuse (a text over its limit) would be lost.
 */
export const progressLossCheck = (store: PlannerStore) => (): boolean => {
  const form = store.getState().progressForm;
  if (form === null) return false;
  const tooLong = (draft: unknown) => typeof draft === 'object' && draft !== null && Object.values(draft).some((v) => typeof v === 'string' && v.length > MAX_LONG_TEXT);
  return [...Object.values(form.rows), ...Object.values(form.indicators)].some((entry) => entry.error !== null || tooLong(entry.draft));
};
