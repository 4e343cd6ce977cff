import { describe, expect, it } from 'vitest';
import { onAbort } from './onAbort.js';

describe('onAbort', () => {
  it('fires each waiting call once, in the order they registered, and not the ones that stopped waiting', () => {
    const controller = new AbortController();
    const fired: string[] = [];
    onAbort(controller.signal, () => fired.push('a'));
    const stopB = onAbort(controller.signal, () => fired.push('b'));
    onAbort(controller.signal, () => fired.push('c'));
    stopB();
    controller.abort();
    controller.abort();
    expect(fired).toEqual(['a', 'c']);
  });

  it('keeps one listener on the signal however many calls wait', () => {
    const controller = new AbortController();
    let added = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    }) as typeof add;
    const stops = Array.from({ length: 100 }, () => onAbort(controller.signal, () => undefined));
    for (const stop of stops) stop();
    onAbort(controller.signal, () => undefined);
    expect(added).toBe(1);
  });

  it('waits on each signal separately', () => {
    const first = new AbortController();
    const second = new AbortController();
    const fired: string[] = [];
    onAbort(first.signal, () => fired.push('first'));
    onAbort(second.signal, () => fired.push('second'));
    second.abort();
    expect(fired).toEqual(['second']);
  });
});
