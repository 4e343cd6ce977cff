import { describe, expect, it } from 'vitest';
import { batchCustomId, batchRunTag, describeIdentity, parseBatchCustomId } from './batchCustomId.js';

const digest = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

describe('batchCustomId', () => {
  it('names the run, persona, replicate, round, item and request in at most 64 safe characters', () => {
    const tag = batchRunTag('20261129-120000-fargo-seattle-Qwen-Qwen2.5-7B-Instruct');
    expect(tag).toMatch(/^[0-9a-f]{8}$/);
    const single = batchCustomId(tag, { personaIndex: 15063, replicate: 2, round: 1 }, digest);
    expect(single).toBe(`ec-${tag}_p15063_r2_t1_9f86d081884c`);
    const item = batchCustomId(
      tag,
      { personaIndex: 3, replicate: 0, round: 0, item: 'seattle-fargo' },
      digest,
    );
    expect(item).toBe(`ec-${tag}_p3_r0_t0_iseattle-fargo_9f86d081884c`);
    for (const id of [single, item]) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('reads back what it wrote, items with any characters included', () => {
    const identity = { personaIndex: 7, replicate: 1, round: 2, item: 'q_1 café' };
    const id = batchCustomId('0123abcd', identity, digest);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseBatchCustomId(id)).toEqual({ runTag: '0123abcd', identity, digest: '9f86d081884c' });
    expect(
      parseBatchCustomId(batchCustomId('0123abcd', { personaIndex: 0, replicate: 0, round: 0 }, digest)),
    ).toEqual({
      runTag: '0123abcd',
      identity: { personaIndex: 0, replicate: 0, round: 0 },
      digest: '9f86d081884c',
    });
    for (const other of ['request-1', 'ec-0123abcd_p1_r0_t0', 'ec-0123abcd_p1_r0_t0_xyz', ''])
      expect(parseBatchCustomId(other)).toBeUndefined();
    expect(describeIdentity(identity)).toBe('persona 7, replicate 1, round 2, item q_1 café');
  });
});
