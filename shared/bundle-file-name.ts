import { PLAN_BUNDLE_EXTENSION } from './contract-files';

/**
 * A suggested bundle name (from the page, so untrusted), reduced to a plain file name that ends in
 * .planbundle: no folders, no characters Windows refuses, no hidden or empty name. Used by every
 * adapter that writes a bundle where the page asked (main's save dialog, the harness's folder).
 */
export function safeBundleFileName(suggested: string): string {
  const lastSegment = suggested.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? '';
  const base = lastSegment.replace(/[\u0000-\u001f<>:"|?*]/g, '').trim();
  const name = base === '' || base.startsWith('.') ? `bundle${PLAN_BUNDLE_EXTENSION}` : base;
  return name.toLowerCase().endsWith(PLAN_BUNDLE_EXTENSION) ? name : `${name}${PLAN_BUNDLE_EXTENSION}`;
}
