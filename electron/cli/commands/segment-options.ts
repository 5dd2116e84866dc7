/**
 * The flags of `vss segment`, as data. The engine settings take their defaults and choices from
 * the engine's own constants (MODE_DEFAULTS, MODE_NAMES, …); their ranges are checked by
 * segmentSettings(). Meanings of every setting: electron/engine/modes/README.md.
 */
import type { OptionSpec } from '../args.ts';
import { DIS_PRESET_NAMES } from '../../engine/flow/dis-options.ts';
import { EXECUTION_PROVIDERS } from '../../engine/model/session.ts';
import { MODE_DEFAULTS, MODE_NAMES } from '../../engine/modes/types.ts';
import { OUT_DIR_OPTION } from './shared-options.ts';

/** Flags that set engine settings (SegmentSettings), in help order. */
export const ENGINE_OPTIONS: readonly OptionSpec[] = [
  { name: 'mode', kind: 'string', choices: MODE_NAMES, default: MODE_DEFAULTS.mode, help: 'per frame, Deep Feature Flow key frames, adaptive key frames, or temporal fusion' },
  { name: 'model', kind: 'string', value: 'bundle-dir', defaultText: 'camvid-lite in $VSS_MODELS_DIR or native-models/', help: 'model bundle folder (with model.json)' },
  { name: 'key-interval', kind: 'int', value: 'K', default: MODE_DEFAULTS.keyInterval, help: 'dff: a key frame every K frames' },
  { name: 'target-interval', kind: 'number', value: 'T', default: MODE_DEFAULTS.targetInterval, help: 'adaptive: aim for a key frame every T frames on average' },
  { name: 'threshold', kind: 'number', value: 'X', defaultText: 'calibrated online to --target-interval', help: 'adaptive: fixed key-frame threshold' },
  { name: 'max-interval', kind: 'int', value: 'M', defaultText: '2 x --target-interval', help: 'adaptive: longest run without a key frame' },
  { name: 'low-latency', kind: 'switch', help: 'adaptive: low-latency schedule (the default with --realtime)' },
  { name: 'no-low-latency', kind: 'switch', help: 'adaptive: synchronous schedule also with --realtime' },
  { name: 'fusion', kind: 'string', choices: ['causal', 'bidirectional'], default: MODE_DEFAULTS.fusion, help: 'fused: use past frames only, or past and future' },
  { name: 'window', kind: 'int', value: 'W', default: MODE_DEFAULTS.window, help: 'fused: frames fused' },
  { name: 'fuse-current', kind: 'number', value: 'A', default: MODE_DEFAULTS.fuseCurrent, help: 'fused: weight of the current frame' },
  { name: 'fuse-previous', kind: 'number', value: 'B', default: MODE_DEFAULTS.fusePrevious, help: 'fused: weight of the warped past' },
  { name: 'preset', kind: 'string', choices: DIS_PRESET_NAMES, default: MODE_DEFAULTS.preset, help: 'DIS optical flow preset' },
  { name: 'flow-scale', kind: 'number', value: 'S', default: MODE_DEFAULTS.flowScale, help: 'flow resolution relative to the frame, (0, 1]' },
  { name: 'ep', kind: 'string', choices: EXECUTION_PROVIDERS, default: 'cpu', help: 'ONNX Runtime execution provider (falls back to cpu with a note)' },
  { name: 'threads', kind: 'int', value: 'N', defaultText: "ONNX Runtime's choice", help: 'inference threads' },
  { name: 'no-tc', kind: 'switch', help: 'skip the temporal-consistency score' },
];

/** Flags about the run itself rather than the engine. */
export const RUN_OPTIONS: readonly OptionSpec[] = [
  { ...OUT_DIR_OPTION, help: 'output folder: labels/, confidence/, summary.json (written to a temp folder, renamed at the end)' },
  { name: 'force', kind: 'switch', help: 'replace a non-empty --out folder' },
  { name: 'realtime', kind: 'switch', help: "feed frames at the source's frame rate, as a camera would (streaming use)" },
  { name: 'realtime-fps', kind: 'number', value: 'F', min: 0, minExclusive: true, max: 1000, defaultText: "the source's", help: 'with --realtime: the camera rate' },
  { name: 'progress', kind: 'switch', help: 'progress lines on stderr also when it is not a terminal' },
];
