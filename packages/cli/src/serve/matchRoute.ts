import type { AnyHandler, RouteTable } from './ApiRoute.js';
import { HttpError } from './HttpError.js';

/** A route matched to a request, with its decoded path parameters. */
export interface RouteMatch {
  route: keyof RouteTable;
  handler: AnyHandler;
  params: Record<string, string>;
}

/**
 * Finds the route of a request in the table: the method and every path segment must match
 * (`:name` matches one non-empty segment, decoded). HEAD is served by GET routes.
 *
 * @param table the route table.
 * @param method the request method.
 * @param path the URL path, e.g. `/api/runs/abc/stop`.
 * @returns the route and its parameters.
 * @throws HttpError 404 when no route has this path, 405 naming the method to use when the path
 *   exists for another method, 400 for a malformed percent-encoding.
 */
export function matchRoute(table: RouteTable, method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const allowed: string[] = [];
  for (const [route, handler] of Object.entries(table) as [keyof RouteTable, AnyHandler][]) {
    const space = route.indexOf(' ');
    const params = matchPath(route.slice(space + 1).split('/'), segments);
    if (!params) continue;
    const wanted = route.slice(0, space);
    if (wanted === method || (wanted === 'GET' && method === 'HEAD')) return { route, handler, params };
    allowed.push(wanted);
  }
  if (allowed.length > 0) throw new HttpError(405, `${method} not allowed here; use ${allowed.join(' or ')}`);
  throw new HttpError(404, `no API route ${path}`);
}

function matchPath(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = segments[i] as string;
    if (want.startsWith(':')) {
      if (got === '') return undefined;
      params[want.slice(1)] = decodeSegment(got);
    } else if (want !== got) return undefined;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed URL encoding');
  }
}
