#!/usr/bin/env node
// Empties lib/ before a build: tsc never deletes the output of a source file
// that was moved or removed, and the package must not ship such leftovers.
import { rmSync } from 'node:fs';

rmSync(new URL('../lib/', import.meta.url), { recursive: true, force: true });
