// The error a run reports as a usage error (exit code 2: a bad flag, a missing input, an output
// folder that is not empty), apart from the modules that find one so that none imports another for it.
export class UsageError extends Error {}
