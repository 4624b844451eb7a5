// Hazard: the next kernel (kexec'd, or kdump's makedumpfile reading /proc/vmcore) maps all RAM private; a page left shared, unaccepted or unvalidated is a TDX unrecoverable guest shutdown, an SNP #VC 0x404, a Hyper-V hang [K8, K16, K19].
import { always, type Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import { alive, type CocoState } from '../models/coco/state.js';

export function kexecLeavesAllPrivate(config: CocoConfig): Property<CocoState> {
  return always<CocoState>(
    'KexecLeavesAllPrivate',
    // Spec 11.7: "private and ready" is what a private access needs (spec 3.3).
    (s) => s.kx !== 3 || !alive(s) || s.pte.every((_, p) => config.guest.permitted(s, p, 'private')),
    'after enc_kexec_finish() every page of the range is private and ready in the host\'s view, so the next kernel can touch it as private',
  );
}
