import { describe, expect, it } from 'vitest';
import { normalizePublicUrl, reconstructHubSpotUri } from './hubspot-request-uri.js';

const target = '/hubspot/events?tenant=acme%3Aeu&q=a%20b&x=1&a=2';

describe('reconstructHubSpotUri', () => {
  it('prefixes the raw target with the public URL', () => {
    const uri = reconstructHubSpotUri(
      `http://internal:8080${target}`,
      {},
      {
        publicUrl: normalizePublicUrl('https://hooks.example.test/'),
        trustProxyHeaders: false,
      },
    );
    expect(uri).toBe(`https://hooks.example.test${target}`);
  });

  it('keeps a path prefix of the public URL', () => {
    const uri = reconstructHubSpotUri(
      target,
      {},
      { publicUrl: 'https://example.test/api', trustProxyHeaders: false },
    );
    expect(uri).toBe(`https://example.test/api${target}`);
  });

  it('uses forwarded headers only when trusted', () => {
    const headers = {
      host: 'internal:8080',
      'x-forwarded-proto': 'https, http',
      'x-forwarded-host': 'hooks.example.test',
    };
    expect(reconstructHubSpotUri(target, headers, { publicUrl: undefined, trustProxyHeaders: true })).toBe(
      `https://hooks.example.test${target}`,
    );
    expect(reconstructHubSpotUri(target, headers, { publicUrl: undefined, trustProxyHeaders: false })).toBe(
      `http://internal:8080${target}`,
    );
  });

  it('keeps an absolute URL as given', () => {
    const url = `https://app.example.test${target}`;
    expect(reconstructHubSpotUri(url, {}, { publicUrl: undefined, trustProxyHeaders: false })).toBe(url);
  });

  it('adds the root path to a bare origin', () => {
    expect(
      reconstructHubSpotUri(
        'https://app.example.test',
        {},
        { publicUrl: undefined, trustProxyHeaders: false },
      ),
    ).toBe('https://app.example.test/');
  });
});
