/**
 * The protocol matrix reproduces the known results of spec section 9 that are about named
 * protocols, at the model's default scope (pages 2, readers 2): which protocol is safe where and
 * which properties hold are pinned here, once, and the counterexamples' last steps in coco.test.ts
 * (as are the results of a dropped flushTlb and of pfnLookup, with sweep.coco.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { matrix, type MatrixCell, type MatrixResult } from '../src/matrix.js';
import { matrixJson } from '../src/report/matrixText.js';
import { coco } from '../models/coco/index.js';

let result: MatrixResult;
beforeAll(async () => {
  result = await matrix(coco, {}, { workers: 2 });
}, 300_000); // the matrix takes seconds; this allows for a machine shared with other work

const cellOf = (protocol: string, platform: string, direction: string): MatrixCell =>
  result.cells.find((c) => c.labels.protocol === protocol && c.labels.platform === platform && c.labels.direction === direction)!;
const cell = (protocol: string, platform: string, direction: string): string[] => cellOf(protocol, platform, direction).violated.map((v) => v.name);

const DIRECTIONS = ['decrypt', 'encrypt'];

describe('the protocol matrix (spec 9)', () => {
  it('has every named protocol by platform (tdx native and under a paravisor) by direction', () => {
    expect(result.axes.map((a) => a.labels)).toEqual([
      ['before', 'rfc', 'v1', 'seven-step', 'v2', 'hyperv'],
      ['tdx', 'tdx+paravisor', 'snp', 'hyperv-vtom'],
      DIRECTIONS,
    ]);
    expect(result.cells).toHaveLength(48);
    expect([result.complete, result.cells.every((c) => c.verdict !== 'not checked')]).toEqual([true, true]);
    // The default scope: the default cell has the default check's 4,482 states (coco.test.ts).
    expect(cellOf('seven-step', 'hyperv-vtom', 'decrypt').distinctStates).toBe(4482);
  });

  it('seven-step and v1 are safe on hyperv-vtom and tdx, in both directions: every invariant holds, CanComplete is witnessed, no deadlock', () => {
    for (const protocol of ['seven-step', 'v1']) {
      for (const platform of ['hyperv-vtom', 'tdx']) {
        for (const d of DIRECTIONS) expect([cellOf(protocol, platform, d).verdict, cell(protocol, platform, d)], `${protocol} ${platform} ${d}`).toEqual(['safe', []]);
      }
    }
  });

  it('seven-step and v1 oops on snp', () => {
    for (const protocol of ['seven-step', 'v1']) for (const d of DIRECTIONS) expect(cell(protocol, 'snp', d)).toContain('NoKernelOops');
  });

  it('before violates NoMismatchedAccess everywhere, and NoFatalMismatch only under a paravisor on tdx [B2.4] [C6]', () => {
    for (const platform of ['tdx', 'tdx+paravisor', 'snp', 'hyperv-vtom']) for (const d of DIRECTIONS) expect(cell('before', platform, d)).toContain('NoMismatchedAccess');
    for (const d of DIRECTIONS) {
      expect(cell('before', 'tdx', d)).not.toContain('NoFatalMismatch');
      expect(cell('before', 'tdx+paravisor', d)).toContain('NoFatalMismatch');
    }
  });

  it('rfc and v2 violate NoStaleWriteback on tdx when decrypting [I1], not when encrypting: the VMM flushes the shared lines in MapGPA [B2.1]', () => {
    for (const protocol of ['rfc', 'v2']) {
      expect(cell(protocol, 'tdx', 'decrypt')).toContain('NoStaleWriteback');
      expect(cell(protocol, 'tdx', 'encrypt')).not.toContain('NoStaleWriteback');
    }
  });

  it('hyperv is safe on hyperv-vtom', () => {
    for (const d of DIRECTIONS) expect([cellOf('hyperv', 'hyperv-vtom', d).verdict, cell('hyperv', 'hyperv-vtom', d)]).toEqual(['safe', []]);
  });

  it('gives each cell its parameters and failures in the JSON', () => {
    const cells = (matrixJson(result) as { cells: Record<string, unknown>[] }).cells;
    expect(cells[0]).toMatchObject({ protocol: 'before', platform: 'tdx', paravisor: false, direction: 'decrypt' });
    expect(cells.every((c) => Array.isArray(c.violated))).toBe(true);
  });
});

describe('the protocol matrix under kdump (spec 11), pages 1, readers 1', () => {
  let crash: MatrixResult;
  beforeAll(async () => {
    crash = await matrix(coco, { kexec: 'crash', pages: 1, readers: 1 }, { workers: 1 });
  }, 300_000);
  const kexecVerdicts = (protocol: string, platform: string, direction: string): string[] =>
    crash.cells.find((c) => c.labels.protocol === protocol && c.labels.platform === platform && c.labels.direction === direction)!
      .violated.map((v) => v.name).filter((name) => name.startsWith('Kexec'));

  it('every cell was checked under kexec crash', () => {
    expect(crash.cells).toHaveLength(48);
    for (const c of crash.cells) expect(c.params).toMatchObject({ kexec: 'crash' });
  });

  it('leaves a page visible on hyperv-vtom in every protocol that hides pages (encrypt), none when making them visible', () => {
    for (const protocol of ['before', 'rfc', 'v1', 'seven-step', 'v2', 'hyperv']) {
      expect(kexecVerdicts(protocol, 'hyperv-vtom', 'encrypt')).toEqual(['KexecLeavesAllPrivate']);
      expect(kexecVerdicts(protocol, 'hyperv-vtom', 'decrypt')).toEqual([]);
    }
  });

  it('misses a page on tdx when the PTE turns private before the host converts it (seven-step, v1 encrypt)', () => {
    for (const protocol of ['seven-step', 'v1']) expect(kexecVerdicts(protocol, 'tdx', 'encrypt')).toEqual(['KexecLeavesAllPrivate', 'KexecAccounting']);
    expect(kexecVerdicts('before', 'tdx', 'encrypt')).toEqual(['KexecAccounting']);
  });
});
