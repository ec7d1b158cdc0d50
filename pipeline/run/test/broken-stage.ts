// A stage module that cannot load, for the pool's tests: as a broken install or a stage that throws on import.
throw new Error('this stage module cannot load');
