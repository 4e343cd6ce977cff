import { describe, expect, it } from 'vitest';
import { ModelError } from '../ModelError.js';
import { FakeModel } from '../testing/FakeModel.js';
import { withCallLimit } from './withCallLimit.js';

const ask = { messages: [{ role: 'user' as const, content: 'Distance?' }] };

describe('withCallLimit', () => {
  it('lets max calls through, counting failures too, then raises limit without calling', async () => {
    const model = new FakeModel({ answers: ['1', new ModelError('server', 'boom'), '3'] });
    const limited = withCallLimit(model, 3);
    expect([limited.calls, limited.remaining, limited.max]).toEqual([0, 3, 3]);
    await limited.generate(ask);
    await expect(limited.generate(ask)).rejects.toMatchObject({ kind: 'server' });
    await limited.generate(ask);
    expect([limited.calls, limited.remaining]).toEqual([3, 0]);
    const error = await limited.generate(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('limit');
    expect((error as ModelError).message).toContain('call limit of 3 reached for fake');
    expect(model.calls).toBe(3);
    expect(limited.calls).toBe(3);
  });

  it('counts concurrent calls when they start', async () => {
    const model = new FakeModel();
    const limited = withCallLimit(model, 2);
    const results = await Promise.allSettled([
      limited.generate(ask),
      limited.generate(ask),
      limited.generate(ask),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });

  it('a limit of 0 allows nothing', async () => {
    const model = new FakeModel();
    await expect(withCallLimit(model, 0).generate(ask)).rejects.toMatchObject({ kind: 'limit' });
    expect(model.calls).toBe(0);
  });
});
