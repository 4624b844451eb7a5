/**
 * What `cocomc list coco` and `cocomc help check coco` print after the parameters: the actions each
 * named protocol runs on each platform and direction, in the names coverage lines and reports use.
 */
import { cocoParams, type CocoParams } from './params.js';
import { PLATFORMS } from './platforms/index.js';
import { protocolListing } from './program.js';
import { PROTOCOL_NAMES } from './protocols.js';
import { resolveConfig } from './config.js';

/** The parameters' defaults, for the configurations the listing resolves. */
function defaults(): CocoParams {
  return Object.fromEntries(Object.entries(cocoParams).map(([name, spec]) => [name, 'default' in spec ? spec.default : undefined])) as CocoParams;
}

export function cocoNotes(): string[] {
  const base = defaults();
  const rows = PROTOCOL_NAMES.flatMap((protocol) => PLATFORMS.flatMap((platform) => (['decrypt', 'encrypt'] as const).map((direction) => {
    const config = resolveConfig({ ...base, protocol, platform, direction });
    return [`${protocol} on ${platform} ${direction}`, protocolListing(config)] as const;
  })));
  const width = Math.max(...rows.map(([what]) => what.length)) + 2;
  return [
    '',
    "named protocols: CPU 0's actions before return ok, on each platform's defaults (a composite step's actions as step.subStep):",
    ...rows.map(([what, steps]) => `  ${what.padEnd(width)}${steps}`),
  ];
}
