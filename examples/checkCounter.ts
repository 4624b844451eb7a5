/** Checks the counter model from code: a script of its own, so that worker threads never run it. */
import { check } from 'cocomc';
import { counter } from './counter.js';

const result = await check(counter, { params: { threads: 3 } }); // the same data as --json
for (const p of result.properties) console.log(`${p.name}: ${p.status}${p.traceLength === null ? '' : ` (${p.traceLength} steps)`}`);
