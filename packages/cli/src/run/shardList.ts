import type { PersonaList } from '@emocrowd/crowd';

/**
 * The personas of shard `index` of `count`: every count-th persona starting at `index`, so
 * shards are disjoint, together cover the crowd, and are balanced whatever the crowd's order.
 */
export function shardList(
  list: PersonaList,
  shard: { index: number; count: number } | undefined,
): PersonaList {
  if (!shard || shard.count === 1) return list;
  const count = Math.max(0, Math.ceil((list.count - shard.index) / shard.count));
  return { count, at: (position) => list.at(shard.index + position * shard.count) };
}

/** Parses `--shard i/n` (1-based i, as users count) into a 0-based index and count. */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const i = Number(match[1]);
  const n = Number(match[2]);
  if (n < 1 || i < 1 || i > n) return undefined;
  return { index: i - 1, count: n };
}
