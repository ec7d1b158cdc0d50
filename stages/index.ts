// The pipeline, in order. Each stage is a unified plugin; the preset runs them all, each on the
// text the stage before left, with its decisions placed in the document (pipeline/core/stage.ts):
//   unified().use(parse).use(preset).use(toRecord).process(file)
import type { Preset } from 'unified';
import { stagesPreset, type StageDefinition } from '../pipeline/core/stage.ts';
import { blocksStage } from './blocks/index.ts';
import { chromeStage } from './chrome/index.ts';
import { datesStage } from './dates/index.ts';
import { languageStage } from './language/index.ts';
import { namesStage } from './names/index.ts';
import { repairStage } from './repair/index.ts';

export const pipelineStages: readonly StageDefinition[] = [repairStage, blocksStage, languageStage, chromeStage, namesStage, datesStage];

export const preset: Preset = stagesPreset(pipelineStages);
