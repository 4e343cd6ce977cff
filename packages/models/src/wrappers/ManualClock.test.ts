import { describe, expect, it } from 'vitest';
import { ManualClock } from './ManualClock.js';

describe('ManualClock', () => {
  it('fires timers in deadline order only when advanced, including timers set by continuations', async () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    void clock.sleep(300).then(() => fired.push(`b@${clock.now()}`));
    void clock.sleep(100).then(async () => {
      fired.push(`a@${clock.now()}`);
      await clock.sleep(100);
      fired.push(`c@${clock.now()}`);
    });
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(400);
    expect(fired).toEqual(['a@1100', 'c@1200', 'b@1300']);
    expect(clock.now()).toBe(1499);
    expect(clock.sleeps).toEqual([300, 100, 100]);
  });

  it('rejects an aborted sleep at once and forgets its timer', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const waiting = clock.sleep(1000, controller.signal);
    expect(clock.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'ModelError', kind: 'aborted' });
    expect(clock.pending).toBe(0);
  });
});
