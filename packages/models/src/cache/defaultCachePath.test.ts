import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCachePath } from './defaultCachePath.js';

describe('defaultCachePath', () => {
  it('uses XDG_CACHE_HOME when it is an absolute path', () => {
    expect(defaultCachePath({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' })).toBe(
      '/var/cache/me/emocrowd/responses.sqlite',
    );
  });

  it('falls back to $HOME/.cache when XDG_CACHE_HOME is unset, empty or relative', () => {
    for (const xdg of [undefined, '', 'relative/cache']) {
      expect(defaultCachePath({ XDG_CACHE_HOME: xdg, HOME: '/home/me' })).toBe(
        '/home/me/.cache/emocrowd/responses.sqlite',
      );
    }
  });

  it('uses the OS home directory when HOME is unset', () => {
    expect(defaultCachePath({})).toBe(join(homedir(), '.cache', 'emocrowd', 'responses.sqlite'));
  });
});
