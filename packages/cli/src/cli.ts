#!/usr/bin/env node
/** The process entry point of `emocrowd` (bin/emocrowd.js loads the built copy of this file). */
import { run } from './main.js';

await run(process.argv.slice(2));
