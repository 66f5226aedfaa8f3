import { Signature } from '@hubspot/api-client/lib/src/utils/signature.js';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLOCK_SKEW_MS,
  MAX_SIGNATURE_AGE_MS,
  signHubSpotRequestV3,
  verifyHubSpotSignatureV3,
} from '#src/hubspot/signature';

const clientSecret = 'test-client-secret';
const sentAt = 1_790_000_000_000;
const url = 'https://hooks.example.com/webhooks/hubspot?portalId=42&userId=7';
const body = '[{"eventId":1,"portalId":42}]';

function signed(overrides: Partial<{ method: string; url: string; body: string; timestamp: number }> = {}) {
  const request = { method: 'POST', url, body, timestamp: sentAt, ...overrides };
  return { ...request, signature: signHubSpotRequestV3({ ...request, clientSecret }) };
}

function verify(
  request: ReturnType<typeof signed>,
  overrides: Partial<Parameters<typeof verifyHubSpotSignatureV3>[0]> = {},
) {
  return verifyHubSpotSignatureV3({
    method: request.method,
    url: request.url,
    body: request.body,
    signature: request.signature,
    timestamp: String(request.timestamp),
    clientSecret,
    now: sentAt + 1_000,
    ...overrides,
  });
}

describe('HubSpot v3 request signatures', () => {
  it('signs exactly as @hubspot/api-client does, and its isValid accepts our signature', () => {
    const request = signed();
    const reference = Signature.getSignature('POST', 'v3', {
      signature: '',
      clientSecret,
      requestBody: body,
      url,
      timestamp: sentAt,
    });
    expect(request.signature).toBe(reference);
    // isValid checks freshness against the real clock, so give it a request signed now.
    const fresh = signed({ timestamp: Date.now() });
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        method: 'POST',
        signature: fresh.signature,
        clientSecret,
        requestBody: body,
        url,
        timestamp: fresh.timestamp,
      }),
    ).toBe(true);
  });

  it('accepts a fresh, untouched request', () => {
    expect(verify(signed())).toEqual({ ok: true });
  });

  it('accepts a signature the reference client computed', () => {
    const signature = Signature.getSignature('GET', 'v3', {
      signature: '',
      clientSecret,
      requestBody: '',
      url,
      timestamp: sentAt,
    });
    expect(verify({ method: 'GET', url, body: '', timestamp: sentAt, signature })).toEqual({ ok: true });
  });

  it('refuses a request older than five minutes, and accepts one just inside', () => {
    const request = signed();
    expect(verify(request, { now: sentAt + MAX_SIGNATURE_AGE_MS + 1 })).toEqual({
      ok: false,
      reason: 'stale timestamp',
    });
    expect(verify(request, { now: sentAt + MAX_SIGNATURE_AGE_MS })).toEqual({ ok: true });
  });

  it('refuses a timestamp from the future beyond the allowed clock skew', () => {
    const request = signed();
    expect(verify(request, { now: sentAt - MAX_CLOCK_SKEW_MS - 1 })).toEqual({
      ok: false,
      reason: 'timestamp in the future',
    });
    expect(verify(request, { now: sentAt - MAX_CLOCK_SKEW_MS })).toEqual({ ok: true });
  });

  it('refuses a tampered body, path, query, method or timestamp', () => {
    const request = signed();
    const mismatch = { ok: false, reason: 'signature mismatch' };
    expect(verify({ ...request, body: body.replace('42', '43') })).toEqual(mismatch);
    expect(verify({ ...request, url: url.replace('/webhooks/', '/other/') })).toEqual(mismatch);
    expect(verify({ ...request, url: url.replace('userId=7', 'userId=8') })).toEqual(mismatch);
    expect(verify({ ...request, url: url.replace('https://', 'http://') })).toEqual(mismatch);
    expect(verify({ ...request, method: 'PUT' })).toEqual(mismatch);
    expect(verify({ ...request, timestamp: sentAt + 1 })).toEqual(mismatch);
  });

  it('refuses a signature made with another secret', () => {
    const forged = signHubSpotRequestV3({
      method: 'POST',
      url,
      body,
      timestamp: sentAt,
      clientSecret: 'guess',
    });
    expect(verify({ ...signed(), signature: forged })).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('refuses missing headers, malformed timestamps and signatures of the wrong length', () => {
    const request = signed();
    expect(verify(request, { signature: undefined })).toEqual({ ok: false, reason: 'missing signature' });
    expect(verify(request, { signature: '' })).toEqual({ ok: false, reason: 'missing signature' });
    expect(verify(request, { timestamp: undefined })).toEqual({ ok: false, reason: 'missing timestamp' });
    expect(verify(request, { timestamp: '17e11' })).toEqual({ ok: false, reason: 'invalid timestamp' });
    expect(verify(request, { signature: 'c2hvcnQ=' })).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  describe("HubSpot's URL decoding before signing", () => {
    const encoded =
      'https://api.example.com/deals/search%3Fq%3Da%40b%2Fc%3A%21%24%27%28%29%2A%2C%3B?email=a%40b.com';
    const asHubSpotSigns = "https://api.example.com/deals/search?q%3Da@b/c:!$'()*,;?email=a@b.com";

    it('verifies a URL received encoded against the signature over its decoded form', () => {
      const signature = Signature.getSignature('GET', 'v3', {
        signature: '',
        clientSecret,
        requestBody: '',
        url: asHubSpotSigns,
        timestamp: sentAt,
      });
      expect(verify({ method: 'GET', url: encoded, body: '', timestamp: sentAt, signature })).toEqual({
        ok: true,
      });
    });

    it('decodes lower-case escapes the same way', () => {
      const signature = Signature.getSignature('GET', 'v3', {
        signature: '',
        clientSecret,
        requestBody: '',
        url: 'https://api.example.com/x?at=10:30&list=a,b',
        timestamp: sentAt,
      });
      const received = 'https://api.example.com/x?at=10%3a30&list=a%2cb';
      expect(verify({ method: 'GET', url: received, body: '', timestamp: sentAt, signature })).toEqual({
        ok: true,
      });
    });

    it('keeps other escapes such as %20, %26 and %3D encoded', () => {
      const received = 'https://api.example.com/x?name=a%20b%26c%3Dd';
      const overDecoded = signHubSpotRequestV3({
        method: 'GET',
        url: 'https://api.example.com/x?name=a b&c=d',
        body: '',
        timestamp: sentAt,
        clientSecret,
      });
      expect(
        verify({ method: 'GET', url: received, body: '', timestamp: sentAt, signature: overDecoded }),
      ).toEqual({
        ok: false,
        reason: 'signature mismatch',
      });
      const exact = signHubSpotRequestV3({
        method: 'GET',
        url: received,
        body: '',
        timestamp: sentAt,
        clientSecret,
      });
      expect(verify({ method: 'GET', url: received, body: '', timestamp: sentAt, signature: exact })).toEqual(
        { ok: true },
      );
    });
  });
});
