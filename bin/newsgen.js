#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and newer keep the code V8 compiled for newsgen's modules on disk
// (in NODE_COMPILE_CACHE, else in the system's temporary folder), so a build
// that publishes one article does not compile the CLI again on every run.
// Node 20 has no such API; the CLI then compiles as before. Loaded after, so
// that its own modules go through the cache too.
module.enableCompileCache?.();

const { main } = await import('../lib/bundle/main.js');
process.exitCode = await main(process.argv);
