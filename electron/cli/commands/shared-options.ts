/** Option declarations used by more than one command. */
import type { OptionSpec } from '../args.ts';

export const VERIFY_OPTION: OptionSpec = {
  name: 'verify',
  kind: 'string',
  choices: ['full', 'packets'],
  default: 'full',
  help: 'how frames are counted: full decodes every frame (exact also in damaged files), packets reads packets only (faster)',
};

export const OUT_DIR_OPTION: OptionSpec = { name: 'out', kind: 'string', value: 'dir', required: true, help: 'output folder' };
