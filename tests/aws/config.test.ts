import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '#src/aws/config';

describe('backend configuration from the environment', () => {
  it('reads the variables a function asks for and defaults the HubSpot API to production', () => {
    const config = readConfig(['HUBSPOT_BASE_URL', 'HUBSPOT_APP_ID', 'GATE_QUEUE_URL'], {
      HUBSPOT_APP_ID: '1000',
      GATE_QUEUE_URL: 'http://127.0.0.1:9324/123456789012/renewal-guard-gate',
    });
    expect(config).toEqual({
      HUBSPOT_BASE_URL: 'https://api.hubapi.com',
      HUBSPOT_APP_ID: '1000',
      GATE_QUEUE_URL: 'http://127.0.0.1:9324/123456789012/renewal-guard-gate',
    });
  });

  it('names every missing or malformed variable without echoing secret values', () => {
    let error: ConfigError | undefined;
    try {
      readConfig(['HUBSPOT_CLIENT_SECRET', 'HUBSPOT_APP_ID', 'GATE_QUEUE_URL', 'HUBSPOT_ACCESS_TOKEN'], {
        HUBSPOT_APP_ID: 'my-app',
        GATE_QUEUE_URL: 'not a url',
        HUBSPOT_ACCESS_TOKEN: '',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      'HUBSPOT_CLIENT_SECRET is required',
      'HUBSPOT_APP_ID: expected the numeric HubSpot app id',
      expect.stringMatching(/^GATE_QUEUE_URL: /),
      'HUBSPOT_ACCESS_TOKEN is required',
    ]);
    expect(error?.message).not.toContain('my-app');
  });
});
