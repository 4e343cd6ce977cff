import { describe, expect, it } from 'vitest';
import { apiPath } from './ServeApi.js';

describe('apiPath', () => {
  it('fills each parameter as one encoded path segment', () => {
    expect(apiPath('GET /api/runs', {})).toBe('/api/runs');
    expect(apiPath('GET /api/runs/:id/events', { id: 'r 1/../x' })).toBe('/api/runs/r%201%2F..%2Fx/events');
    expect(apiPath('POST /api/runs/:id/stop', { id: '20261122-081500-fargo-seattle-synthetic' })).toBe(
      '/api/runs/20261122-081500-fargo-seattle-synthetic/stop',
    );
    expect(() => apiPath('GET /api/runs/:id', {})).toThrow(/needs the parameter "id"/);
  });
});
