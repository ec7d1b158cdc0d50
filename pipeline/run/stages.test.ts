import { describe, expect, it } from 'vitest';
import { pipelineStages } from '../../stages/index.ts';
import { loadStages, STAGE_NAMES } from './stages.ts';

describe('the runner\'s stages, loaded by name', () => {
  it('are the preset\'s stages, in its order', async () => {
    expect(STAGE_NAMES).toEqual(pipelineStages.map((s) => s.name));
    const loaded = await loadStages(STAGE_NAMES);
    loaded.forEach((stage, i) => expect(stage).toBe(pipelineStages[i]));
  });

  it('loads the ones asked for, in the order asked, and refuses a name it does not know', async () => {
    expect((await loadStages(['dates', 'repair'])).map((s) => s.name)).toEqual(['dates', 'repair']);
    await expect(loadStages(['repair', 'nope'])).rejects.toThrow('unknown stage nope');
  });
});
