/** Ollama's default address when neither an option nor OLLAMA_HOST says otherwise. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/**
 * Turns a host as users write it into a base URL, the way Ollama reads OLLAMA_HOST.
 *
 * Intuition: `ollama` accepts "host", "host:port", ":port" and full URLs; a backend must accept
 * the same strings or users get surprising connection errors. Behaviour (after Ollama's
 * envconfig.Host): no scheme means http and port 11434; "http://x" without a port means port 80
 * and "https://x" port 443; ":port" means 127.0.0.1; a trailing slash is dropped; an empty or
 * missing value falls back to `process.env.OLLAMA_HOST`, then http://127.0.0.1:11434.
 *
 * @param host e.g. "gpu-box:11434", "http://10.0.0.5:11434/", ":8080"; undefined for the default.
 * @returns A base URL without trailing slash, e.g. "http://gpu-box:11434".
 */
export function normalizeOllamaHost(host?: string): string {
  const raw = (host ?? process.env.OLLAMA_HOST ?? '').trim();
  if (raw === '') return DEFAULT_OLLAMA_HOST;
  let scheme = 'http';
  let rest = raw;
  let defaultPort = '11434';
  const cut = raw.indexOf('://');
  if (cut >= 0) {
    scheme = raw.slice(0, cut).toLowerCase();
    rest = raw.slice(cut + 3);
    if (scheme === 'http') defaultPort = '80';
    if (scheme === 'https') defaultPort = '443';
  }
  const slash = rest.indexOf('/');
  const hostport = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash).replace(/\/+$/, '') : '';
  let hostname = hostport;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostport);
  if (bracketed) {
    hostname = `[${bracketed[1]}]`;
    port = bracketed[2] ?? defaultPort;
  } else if ((hostport.match(/:/g) ?? []).length === 1) {
    const [h, p] = hostport.split(':');
    hostname = h ?? '';
    port = p || defaultPort;
  } else if ((hostport.match(/:/g) ?? []).length > 1) {
    hostname = `[${hostport}]`;
  }
  if (hostname === '') hostname = '127.0.0.1';
  return `${scheme}://${hostname}:${port}${path}`;
}
