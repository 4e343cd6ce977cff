/**
 * Turns a server address as users write it into a base URL: "http://" when no scheme is given,
 * surrounding spaces and trailing slashes dropped, and a trailing "/v1" dropped when `stripV1`
 * (OpenAI-compatible servers are addressed by their root; the client adds "/v1/...").
 *
 * @param host e.g. "10.0.0.5:8000", "https://api.example.com/v1/"
 * @param options `stripV1`: drop a final "/v1" (default false)
 * @returns e.g. "http://10.0.0.5:8000", "https://api.example.com"
 */
export function normalizeBaseUrl(host: string, options: { stripV1?: boolean } = {}): string {
  const trimmed = host.trim().replace(/\/+$/, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  return options.stripV1 ? withScheme.replace(/\/v1$/, '') : withScheme;
}
