import { describe, expect, it } from 'vitest';
import { json, type RouteTable, stream } from './ApiRoute.js';
import type { HttpError } from './HttpError.js';
import { matchRoute } from './matchRoute.js';

const ok = json(async () => ({ status: 200, body: {} as never }));
const table = {
  'GET /api/options': ok,
  'GET /api/runs': ok,
  'POST /api/runs': ok,
  'GET /api/runs/:id': ok,
  'GET /api/runs/:id/responses': ok,
  'POST /api/runs/:id/stop': ok,
  'GET /api/runs/:id/events': stream(async () => {}),
} as unknown as RouteTable;

function status(method: string, path: string): number {
  try {
    matchRoute(table, method, path);
    return 200;
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe('matchRoute', () => {
  it('matches method and every segment, decoding parameters; HEAD is served by GET', () => {
    expect(matchRoute(table, 'GET', '/api/runs/a%20b/events')).toMatchObject({
      route: 'GET /api/runs/:id/events',
      params: { id: 'a b' },
    });
    expect(matchRoute(table, 'POST', '/api/runs').route).toBe('POST /api/runs');
    expect(matchRoute(table, 'GET', '/api/runs').route).toBe('GET /api/runs');
    expect(matchRoute(table, 'HEAD', '/api/runs/x').route).toBe('GET /api/runs/:id');
  });

  it('answers 405 naming the method to use, 404 for unknown paths, 400 for broken encodings', () => {
    expect(() => matchRoute(table, 'GET', '/api/runs/x/stop')).toThrow(/GET not allowed here; use POST/);
    expect(status('DELETE', '/api/runs')).toBe(405);
    expect(() => matchRoute(table, 'DELETE', '/api/runs')).toThrow(/use GET or POST/);
    expect(status('GET', '/api/nothing')).toBe(404);
    expect(status('GET', '/api/runs/x/y/z')).toBe(404);
    expect(status('GET', '/api/runs//events')).toBe(404);
    expect(status('GET', '/api/runs/%E0%A4%A/events')).toBe(400);
  });
});
