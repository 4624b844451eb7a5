/**
 * What `cocomc list coco` and `cocomc help check coco` print after the parameters: the properties
 * that only `--kexec` adds, which symmetry `--symmetry` uses, and the actions each named protocol runs on each platform and
 * direction, in the names coverage lines and reports use.
 */
import { cocoProperties } from '../../properties/index.js';
import { cocoParams, type CocoParams } from './params.js';
import { PLATFORMS } from './platforms/index.js';
import { protocolListing } from './program.js';
import { PROTOCOL_NAMES } from './protocols.js';
import { resolveConfig } from './config.js';
import { SYMMETRY_NOTE } from './symmetry.js';

/** The parameters' defaults, for the configurations the listing resolves. */
function defaults(): CocoParams {
  return Object.fromEntries(Object.entries(cocoParams).map(([name, spec]) => [name, 'default' in spec ? spec.default : undefined])) as CocoParams;
}

/** The properties `--kexec normal|crash` adds (spec 11.7), which the default parameters do not show. */
function kexecProperties(base: CocoParams): string[] {
  const seed = new Set(cocoProperties(resolveConfig(base)).map((p) => p.name));
  const added = cocoProperties(resolveConfig({ ...base, kexec: 'crash' })).filter((p) => !seed.has(p.name));
  const width = Math.max(...added.map((p) => p.name.length)) + 2;
  return ['', 'properties added by --kexec normal|crash:', ...added.map((p) => `  ${p.name.padEnd(width)}${p.kind.padEnd(11)}${p.doc ?? ''}`)];
}

export function cocoNotes(): string[] {
  const base = defaults();
  const rows = PROTOCOL_NAMES.flatMap((protocol) => PLATFORMS.flatMap((platform) => (['decrypt', 'encrypt'] as const).map((direction) => {
    const config = resolveConfig({ ...base, protocol, platform, direction });
    return [`${protocol} on ${platform} ${direction}`, protocolListing(config)] as const;
  })));
  const width = Math.max(...rows.map(([what]) => what.length)) + 2;
  return [
    ...kexecProperties(base),
    '',
    ...SYMMETRY_NOTE,
    '',
    "named protocols: CPU 0's actions before return ok, on each platform's defaults (a composite step's actions as step.subStep):",
    ...rows.map(([what, steps]) => `  ${what.padEnd(width)}${steps}`),
  ];
}
