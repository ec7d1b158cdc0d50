// The package's entry point: the processor's parser, preset and compiler
// (`unified().use(parse).use(preset).use(toRecord)`), each stage (plugin, plain functions, option
// types), the runner. Each stage is also an entry of its own (`newsnorm/dates`, …) that loads only what
// that stage needs.
export { preset, pipelineStages } from './stages/index.ts';
export { parse } from './pipeline/core/parse.ts';
export { toRecord } from './pipeline/core/record.ts';
export { stagesPreset, type StageDefinition } from './pipeline/core/stage.ts';
export { default as repair, repairStage, repairString, repairMojibake, type RepairOptions } from './stages/repair/index.ts';
export { default as blocks, blocksStage, splitBlocks, isHeading, type BlocksOptions } from './stages/blocks/index.ts';
export {
  default as language,
  languageStage,
  languageOf,
  detectLanguage,
  identifyLanguages,
  documentLanguage,
  type LanguageOptions,
  type DetectLanguageOptions,
  type TextLanguages,
} from './stages/language/index.ts';
export {
  default as chrome,
  chromeStage,
  removeChrome,
  stripChrome,
  stripChromeFromText,
  type ChromeOptions,
  type ChromeTextOptions,
  type ChromeResult,
} from './stages/chrome/index.ts';
export { default as names, namesStage, findPeople, parseGazetteer, loadGazetteer, type NamesOptions, type Person } from './stages/names/index.ts';
export {
  default as dates,
  datesStage,
  normaliseDates,
  tagDates,
  type DatesOptions,
  type NormaliseDatesOptions,
  type NormalisedDates,
  type DateMention,
} from './stages/dates/index.ts';
export { runPipeline, type RunOptions } from './pipeline/run/run.ts';
export { createDocumentFile, parseDocument, assembleText } from './pipeline/core/document.ts';
export { paragraphOf, sentencesOf, bodyTreeOf, onBlocks } from './pipeline/core/nlcst.ts';
export { recordSchema, validateRecord, type NewsRecord } from './pipeline/core/record.ts';
