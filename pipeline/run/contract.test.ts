// The contract lives in the project (CONTRACT.md): every field of the record's schema is described
// there, and no user-facing text points at a file outside the repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSchema } from '../core/record.ts';

const root = path.join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the contract', () => {
  it('describes every field of the record in CONTRACT.md', () => {
    const contract = read('CONTRACT.md');
    for (const field of Object.keys(recordSchema.shape)) expect([field, contract.includes(`| \`${field}\` |`)]).toEqual([field, true]);
    for (const file of ['records.jsonl', 'stages/NN-name.jsonl', 'run.json', '.newsnorm-state.json']) expect(contract).toContain(`\`${file}\``);
  });

  it('is what the README and the command line point at, never a file outside the repository', () => {
    expect(read('README.md')).toContain('(CONTRACT.md)');
    for (const file of ['README.md', 'CONTRACT.md', 'pipeline/run/cli.ts', 'pipeline/run/flags.ts', 'pipeline/core/record.ts']) {
      expect([file, read(file).includes('../shared')]).toEqual([file, false]);
    }
  });
});
