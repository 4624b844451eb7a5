// Hazard: the kernel's count of shared pages and the page tables disagree: a conversion was cut or failed before it was counted, or a page still counted as shared lost the shared bit in its PTE and the walk missed it [K9].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const kexecAccounting = always<CocoState>(
  'KexecAccounting',
  (s) => !s.acctOff,
  'the TDX walk finds as many shared pages as nr_shared counts (no "shared page accounting is off"; vacuous on snp and hyperv-vtom)',
);
