// The package's entry point: the full preset, each stage (plugin and plain functions), the runner.
export { preset, pipelineStages } from './stages/index.ts';
export { default as repair, repairStage, repairString, repairMojibake } from './stages/repair/index.ts';
export { default as blocks, blocksStage, splitBlocks, isHeading } from './stages/blocks/index.ts';
export { default as language, languageStage, detectLanguage, identifyLanguages, documentLanguage } from './stages/language/index.ts';
export { default as chrome, chromeStage, stripChrome, stripChromeFromText } from './stages/chrome/index.ts';
export { default as names, namesStage, findPeople, parseGazetteer, loadGazetteer } from './stages/names/index.ts';
export { default as dates, datesStage, tagDates } from './stages/dates/index.ts';
export { runPipeline, type RunOptions } from './pipeline/run/run.ts';
export { createDocumentFile, parseDocument, assembleText } from './pipeline/core/document.ts';
export { recordSchema, validateRecord, type NewsRecord } from './pipeline/core/record.ts';
