// The three layers (README "Layout"): the runner (pipeline/run) uses the stages, the stages use
// the core (pipeline/core), and the core knows no stage. `npm run check:layers` (run by CI, .ci/run)
// fails on any import against that direction, type-only imports included, and on any import cycle
// that code runs through.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-stage',
      comment: 'pipeline/core is what every stage shares: it may not import a stage or the runner.',
      severity: 'error',
      from: { path: '^pipeline/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(stages|pipeline/run|report)/' },
    },
    {
      name: 'stages-know-no-runner',
      comment: 'A stage works alone (unified().use(stage)): it may not import the runner or the report. Tests may run it.',
      severity: 'error',
      from: { path: '^stages/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(pipeline/run|report)/' },
    },
    {
      name: 'no-circular',
      comment:
        'Modules import one another in one direction only. A circle closed only by `import type` (the runner\'s ' +
        'option types in run.ts, named by the modules run.ts uses) loads nothing at run time and is allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist)/' },
  },
};
