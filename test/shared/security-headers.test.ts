import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentTypeFor, loopbackSecurityHeaders, securityHeaders } from '../../shared/security-headers';
import { safeBundleFileName } from '../../shared/bundle-file-name';

describe('the security headers every page is served with', () => {
  it('sends the one Content-Security-Policy with every response, in the app and the harness alike', () => {
    expect(securityHeaders()['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(loopbackSecurityHeaders()['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });

  it('forbids embedding and cross-origin reads on a loopback port, on top of the app\'s headers', () => {
    expect(loopbackSecurityHeaders()).toEqual({ ...securityHeaders(), 'Cross-Origin-Resource-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    expect(securityHeaders()).not.toHaveProperty('X-Frame-Options');
  });

  it('names content types by extension, whatever the case, and sends unknown kinds as bytes', () => {
    expect(contentTypeFor('dist/renderer/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('C:\\app\\assets\\font.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('assets/.hidden')).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('safeBundleFileName', () => {
  it('keeps only the last segment of a path, on either separator', () => {
    expect(safeBundleFileName('../../etc/passwd')).toBe('passwd.planbundle');
    expect(safeBundleFileName('C:\\Users\\ana\\Inuvik.planbundle')).toBe('Inuvik.planbundle');
    expect(safeBundleFileName('folder/Inuvik/')).toBe('Inuvik.planbundle');
  });

  it('drops characters Windows refuses, and replaces hidden or empty names', () => {
    expect(safeBundleFileName('a<b>:c"d|e?f*.planbundle')).toBe('abcdef.planbundle');
    expect(safeBundleFileName('.planbundle')).toBe('bundle.planbundle');
    expect(safeBundleFileName('   ')).toBe('bundle.planbundle');
    expect(safeBundleFileName('Délı̨nę.PLANBUNDLE')).toBe('Délı̨nę.PLANBUNDLE');
  });
});
