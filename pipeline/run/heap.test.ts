import { describe, expect, it } from 'vitest';
import { applyHeapPolicy, HEAP_GROWING_PERCENT } from './heap.ts';

describe('applyHeapPolicy', () => {
  it('sets the growth given, the default without one', () => {
    expect(applyHeapPolicy(80)).toBe(80);
    expect(applyHeapPolicy()).toBe(HEAP_GROWING_PERCENT);
  });

  it("leaves V8's policy when asked to (null, or 0 as on the command line)", () => {
    expect(applyHeapPolicy(null)).toBeNull();
    expect(applyHeapPolicy(0)).toBeNull();
  });

  it('leaves a growth given to node itself', () => {
    const argv = process.execArgv;
    Object.defineProperty(process, 'execArgv', { value: [...argv, '--heap-growing-percent=30'], configurable: true });
    try {
      expect(applyHeapPolicy(60)).toBeNull();
    } finally {
      Object.defineProperty(process, 'execArgv', { value: argv, configurable: true });
    }
  });
});
