/**
 * Splitting steps per page (granularity page, spec 10.11) must not change any named protocol's
 * verdict on any platform, in either direction. One reader keeps the runs small: the comparison
 * is between the two granularities under the same configuration.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_NAMES } from '../models/coco/protocols.js';
import { PLATFORMS } from '../models/coco/platforms/index.js';
import { run, statuses, type Params } from './support/coco.js';

describe('coco: granularity page agrees with range', () => {
  for (const platform of PLATFORMS) {
    for (const protocol of PROTOCOL_NAMES) {
      for (const direction of ['decrypt', 'encrypt'] as const) {
        it(`${protocol} on ${platform} (${direction})`, async () => {
          await expectSameVerdicts({ platform, protocol, direction, readers: 1 });
        }, 60_000);
      }
    }
  }

  // Host failures split per page too (spec 10.8): a failure at page i, converted or not.
  for (const platform of ['tdx', 'hyperv-vtom'] as const) {
    for (const protocol of ['seven-step', 'hyperv'] as const) {
      for (const onError of ['leak', 'free'] as const) {
        it(`${protocol} on ${platform} with host failures (onError ${onError})`, async () => {
          await expectSameVerdicts({ platform, protocol, hostFailures: true, onError, readers: 1 });
        }, 60_000);
      }
    }
  }
});

async function expectSameVerdicts(params: Params): Promise<void> {
  const byRange = await run({ ...params, granularity: 'range' });
  const byPage = await run({ ...params, granularity: 'page' });
  expect(byRange.complete && byPage.complete).toBe(true);
  expect(statuses(byPage)).toEqual(statuses(byRange));
  // Page by page is a finer interleaving: never fewer states.
  expect(byPage.distinctStates).toBeGreaterThanOrEqual(byRange.distinctStates);
}
