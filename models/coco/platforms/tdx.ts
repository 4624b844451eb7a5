/**
 * Intel TDX: the TDX module's view of each GPA [B2.2, B2.3], MapGPA and accept, and a cache that
 * is not coherent across keys [B2.1].
 */
import type { Enc, Gpa } from '../state.js';
import { indexed } from '../steps.js';
import { sharedByPte, type GuestPlatform } from './guestPlatform.js';
import { changed, type SubStep } from './subStep.js';

/**
 * TDX MapGPA [B2.2]. To private, the VMM first writes back and drops the page's shared lines, its
 * duty [B2.1]; judged against the view before the change (still shared), so never stale (spec 10.16).
 */
function mapGpa(to: Enc): SubStep {
  const gpa = to === 'private' ? 'private-unaccepted' : 'shared';
  return {
    name: 'mapGpa', call: `mapGpa(${to})`, fallible: true, needsPfn: false,
    apply: (s, p) => {
      if (to === 'private' && s.line) s.line[p]!.shared = 'none';
      s.gpa![p] = gpa;
    },
    describe: (_before, pages) =>
      (to === 'private' && pages.length ? 'the VMM writes back and drops the shared lines; ' : '') + changed(pages, 'gpa', gpa),
  };
}

/** TDX accept: moves private-unaccepted to private [B2.2]. */
const accept: SubStep = {
  name: 'accept', call: 'accept', fallible: true, needsPfn: false,
  apply: (s, p) => {
    if (s.gpa![p] === 'private-unaccepted') s.gpa![p] = 'private';
  },
  describe: (_before, pages) => changed(pages, 'gpa', 'private'),
};

/** The conversion to private of tdx_enc_status_changed(), as the walk runs it. */
const toPrivate: readonly SubStep[] = [mapGpa('private'), accept];

/** The GPA states in code order (the codec's bytes index this). */
const GPA: readonly Gpa[] = ['private', 'private-unaccepted', 'shared'];
// Written as comparisons rather than indexOf, which was a third of the codec's cost; must agree with GPA.
const gpaCode = (g: Gpa): number => (g === 'private' ? 0 : g === 'private-unaccepted' ? 1 : 2);

export const tdx: GuestPlatform = {
  name: 'tdx',
  coherentCache: false,
  paravisor: false,
  ownOptions: [],
  // TDX flushes only before private->shared; the VMM flushes the other way [B2.1, B5].
  encTlbFlushRequired: (direction) => direction === 'decrypt',
  hostView: ({ initial, pages }) => ({ gpa: new Array<Gpa>(pages).fill(initial) }),
  permitted: (s, p, enc) => s.gpa![p] === enc,
  describeHost: (s, p) => `gpa ${s.gpa![p]}`,
  // [B2.4, C4] shared mapping => private page: #VE, handle_mmio() rejects the split access and the
  // zeropad fixup recovers. [B2.4, B2.5, H8] private mapping => shared (or unaccepted) page: no #VE
  // for private memory (SEPT_VE_DISABLE), guest shutdown.
  mismatchOutcome: (enc) => (enc === 'shared'
    ? { fatal: false, what: '#VE fixed up' }
    : { fatal: true, what: 'private mapping of a non-private page: guest shutdown' }),
  // tdx_enc_status_changed(): MapGPA, then accept for shared->private [B2.2]; TDX converts to
  // private before the PTE change and to shared after it [B2.3].
  encStatusChangePrepare: ({ target }) => (target === 'private' ? [mapGpa('private'), accept] : []),
  encStatusChangeFinish: ({ target }) => (target === 'shared' ? [mapGpa('shared')] : []),
  // tdx_kexec_finish() [K7]: every page whose PTE has the shared bit, present or not [D1, K10], gets a
  // zero PTE (which has the private encoding) and tdx_enc_status_changed(..., true): MapGPA(private)
  // and accept, with the seed's effects; an accept of an already private page only prints "Failed
  // to unshare range" [K11]. Then the count check [K9].
  encKexecFinish: (config, s, nrShared) => {
    const found = sharedByPte(s, config.pages);
    for (const p of found) {
      s.pte[p] = { present: false, enc: 'private' };
      toPrivate.forEach((sub) => sub.apply(s, p));
    }
    if (found.length !== nrShared) s.acctOff = true;
  },
  describeKexecFinish: (config, before, nrShared) => {
    const found = sharedByPte(before, config.pages);
    const pages = found.length ? `${indexed('pte', found)} := 0 (private, not present), mapGpa(private), accept: ${changed(found, 'gpa', 'private')}` : 'no PTE with the shared bit';
    const count = `found ${found.length}, nr_shared ${nrShared}${found.length === nrShared ? '' : ' -> "shared page accounting is off"'}`;
    return `tdx_kexec_finish(): ${pages}; ${count}`;
  },
  hostCodec: () => ({
    fields: ['gpa'],
    code: (s, p) => gpaCode(s.gpa![p]!),
    set: (s, p, code) => { s.gpa![p] = GPA[code]!; },
  }),
};
