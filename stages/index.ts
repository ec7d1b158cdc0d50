// The pipeline, in order. Each stage is a unified plugin; the preset runs them all:
//   unified().use(preset)
import type { Preset } from 'unified';
import type { StageDefinition } from '../pipeline/core/stage.ts';
import { blocksStage } from './blocks/index.ts';
import { chromeStage } from './chrome/index.ts';
import { datesStage } from './dates/index.ts';
import { languageStage } from './language/index.ts';
import { namesStage } from './names/index.ts';
import { repairStage } from './repair/index.ts';

export const pipelineStages: readonly StageDefinition[] = [repairStage, blocksStage, languageStage, chromeStage, namesStage, datesStage];

export const preset: Preset = { plugins: pipelineStages.map((s) => s.plugin) };
