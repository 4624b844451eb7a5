#!/usr/bin/env node
/**
 * The cocomc command line's entry. A check runs its search on a thread of its own (see
 * parallel/supervisor.ts), which takes about 0.1 s to start: for `check` it is started here, before
 * the rest of the command line (cli/main.ts) is loaded, so that the two load at once.
 */
import { limitsOf } from './limits.js';
import { searchHeapMiB, startSearchThread } from './parallel/searchThreads.js';

// With the default limits, whose memory limit sets the thread's heap: a check given --max-memory starts its own.
if (process.argv[2] === 'check') startSearchThread(searchHeapMiB(limitsOf({}, Date.now())));
await import('./cli/main.js');
