/**
 * `npm run bench [-- SECTION...]`: speed and memory, measured rather than asserted. Sections:
 * engine (Flip), spin (Flip beside SPIN's compiled verifier, when installed), coco (one large CoCo check), sweep (the sweep and the matrix),
 * owncodec (CoCo with its own codec and without it, as a model of one's own),
 * twophase (two-phase commit, no codec of its own: the derived layout, the generic encoding, and TLC when TLA2TOOLS_JAR is set),
 * symmetry (one CoCo check with and without --symmetry); all by default.
 */
import { benchCocoCheck, benchCocoWithoutCodec, benchSweepAndMatrix } from './coco.js';
import { benchEngine } from './engine.js';
import { benchSpin } from './spin.js';
import { benchTwoPhase } from './twoPhase.js';
import { benchSymmetry } from './symmetry.js';

const sections: Record<string, () => void | Promise<void>> = {
  engine: () => benchEngine([28, 32]),
  spin: () => benchSpin([28, 32]),
  // pages 3 and readers 3 is out of reach without --symmetry (see the symmetry section and `npm run scope`).
  coco: () => benchCocoCheck([[2, 2], [3, 1], [2, 3], [3, 2]]),
  owncodec: () => benchCocoWithoutCodec([[2, 2], [2, 3]]),
  sweep: () => benchSweepAndMatrix(),
  twophase: () => benchTwoPhase(8),
  symmetry: () => benchSymmetry(),
};

const chosen = process.argv.slice(2);
for (const name of chosen.length ? chosen : Object.keys(sections)) {
  const run = sections[name];
  if (!run) {
    console.error(`bench: unknown section '${name}'; accepted: ${Object.keys(sections).join(', ')}`);
    process.exit(2);
  }
  await run();
}
