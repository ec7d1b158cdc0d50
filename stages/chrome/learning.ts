// What the chrome stage learns from the batch (each site's template lines), apart from the stage
// itself: the runner's main thread, which with worker threads only reads, learns and writes, loads
// this and not the stage (pipeline/run/stages.ts).
import type { StageLearning } from '../../pipeline/core/stage.ts';
import { createTemplateLearner, siteOf, templatesOfSite, type LearnedTemplates } from './template.ts';

export const chromeLearning: StageLearning = {
  name: 'chrome',
  createLearner: () => createTemplateLearner(),
  // A document needs only its own site's templates.
  learnedFor: (learned, document) => templatesOfSite(learned as LearnedTemplates, siteOf(document.url)),
};
