import { describe, expect, it } from 'vitest';
import { applyHeapPolicy, LEAN_HEAP_GROWING_PERCENT } from './heap.ts';

describe('applyHeapPolicy', () => {
  it('sets the growth given', () => {
    expect(applyHeapPolicy(80)).toBe(80);
    expect(applyHeapPolicy(LEAN_HEAP_GROWING_PERCENT)).toBe(60);
  });

  it("leaves V8's policy without one (the default)", () => {
    expect(applyHeapPolicy(null)).toBeNull();
    expect(applyHeapPolicy(undefined)).toBeNull();
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
