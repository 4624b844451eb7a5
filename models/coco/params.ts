/** The options of the CoCo model (spec section 2); each is a CLI flag (`hostFailures` is `--host-failures`). */
import { param, type ParamsOf } from '../../src/params.js';
import { PLATFORMS } from './platforms/index.js';
import { PROTOCOL_NAMES, STEP_NAMES } from './protocols.js';

export const cocoParams = {
  platform: param.choice('host view, mismatch outcomes, cache coherency and notification sub-steps', PLATFORMS, 'hyperv-vtom'),
  paravisor: param.derivedBool('exceptions go to a paravisor that cannot forward them, so every mismatch is fatal [C6]; default: true on hyperv-vtom, else false'),
  coherentCache: param.derivedBool('cache coherent across encryption keys, so no cache model [B2.1, B3.4]; default: false on tdx, else true'),
  protocol: param.derivedChoice('the named protocol CPU 0 runs (spec 6); default: seven-step unless --steps is given', PROTOCOL_NAMES),
  steps: param.list('an explicit list of steps for CPU 0, instead of --protocol; an empty list just returns ok', STEP_NAMES),
  direction: param.choice('decrypt: private to shared (set_memory_decrypted); encrypt: shared to private', ['decrypt', 'encrypt'], 'decrypt'),
  // The bounds refuse absurd sizes up front (the space grows exponentially in both, so 16 is far
  // past what a search can finish); --max-memory stops what they let through.
  pages: param.int('pages in the range', 2, { min: 1, max: 16 }),
  readers: param.int('CPUs 1..readers running load_unaligned_zeropad()', 2, { min: 0, max: 16 }),
  aliases: param.bool('each page also has a stale lazy-vmap alias with the initial attribute [A7, M8]', true),
  speculation: param.bool('hardware TLB and cache fills from present translations [H2]', true),
  hostFailures: param.bool('MapGPA, accept and the host-visibility hypercall may fail (on snp nothing fails: a PSC failure terminates the guest by design [B3.2])', false),
  onError: param.choice('what the caller does with the range after an error return [F1-F3]', ['leak', 'free'], 'leak'),
  pfnLookup: param.derivedChoice('hyperv-vtom only: how setVisibility finds a PFN, slow_virt_to_phys() or vmalloc_to_pfn() [D1-D3]; default: page-walk', ['page-walk', 'requires-present']),
  pvalidateVa: param.derivedChoice("snp only: the VA PVALIDATE goes through [B3.3]; default: direct-map (v2: temporary)", ['direct-map', 'temporary']),
  granularity: param.choice('steps act on the whole range at once, or page by page in page order [A7]', ['range', 'page'], 'range'),
  hvListOrder: param.derivedChoice(
    'hyperv-vtom with --kexec only: when hv_mark_gpa_visibility() updates hv_list_enc; merged: before the hypercall, undone if it fails [K17]; superset: add before making visible, remove after hiding, never undo; default: merged',
    ['merged', 'superset']),
  kexec: param.choice(
    'none: no kexec; normal: kexec -e (enc_kexec_begin waits for the conversion, stop, enc_kexec_finish); crash: kdump (CPUs frozen wherever they are, begin, finish) [K2, K4]; adds KexecLeavesAllPrivate and KexecAccounting',
    ['none', 'normal', 'crash'], 'none'),
};

export type CocoParams = ParamsOf<typeof cocoParams>;
