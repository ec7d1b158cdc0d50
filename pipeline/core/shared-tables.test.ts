import { describe, expect, it } from 'vitest';
import { sharedTable } from './shared-tables.ts';

// Through a pool's workers: pipeline/run/pool.test.ts.
describe('sharedTable in a thread that shares with none (one stage imported alone, one worker in the main thread)', () => {
  it('makes the table each time it is asked, in ordinary memory, and keeps nothing', () => {
    let made = 0;
    const make = (allocate: (n: number) => Uint8Array) => {
      made++;
      return allocate(4).fill(7);
    };
    const bytes = sharedTable('test/alone', make)!;
    expect([...bytes]).toEqual([7, 7, 7, 7]);
    expect(bytes.buffer instanceof SharedArrayBuffer).toBe(false);
    sharedTable('test/alone', make);
    expect(made).toBe(2);
    expect(sharedTable('test/none', () => null)).toBeNull();
  });
});
