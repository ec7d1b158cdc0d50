import { describe, expect, it } from 'vitest';
import { pipelineStages } from '../../stages/index.ts';
import { loadLearning, loadStages, STAGE_NAMES } from './stages.ts';

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

  it('gives the main thread of a pool each stage\'s own learner, without the stage', async () => {
    const learning = await loadLearning(STAGE_NAMES);
    expect(learning.map((l) => l.name)).toEqual([...STAGE_NAMES]);
    learning.forEach((l, i) => {
      const stage = pipelineStages[i]!;
      // The same functions the stage itself has, and a learner exactly where the stage has one.
      expect(l.createLearner).toBe(stage.createLearner);
      expect(l.learnedFor).toBe(stage.learnedFor);
      expect('plugin' in l).toBe(false);
    });
    expect(learning.filter((l) => l.createLearner).map((l) => l.name)).toEqual(['chrome', 'names']);
    await expect(loadLearning(['nope'])).rejects.toThrow('unknown stage nope');
  });
});
