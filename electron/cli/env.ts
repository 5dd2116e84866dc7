/**
 * Every environment variable VSS Studio reads: the one table that `vss --help` prints and the
 * README's "Environment variables" section shows (a unit test checks both, and that every variable
 * the sources read is here).
 */

export interface EnvVar {
  name: string;
  /** What it changes. */
  help: string;
  /** What happens when it is unset. */
  unset: string;
  /** `app`: the desktop app, the review host and the CLI read it; `cli`: the CLI only; `dev`: tests, benchmarks and scripts. */
  scope: 'app' | 'cli' | 'dev';
}

export const ENV_VARS: readonly EnvVar[] = [
  { name: 'VSS_HOME', scope: 'app', help: 'data folder: recent files, automatic projects', unset: '~/.vss-studio; the desktop app: its per-user app data folder' },
  { name: 'VSS_MODELS_DIR', scope: 'app', help: 'folder of model bundles', unset: 'native-models beside the program, then ./native-models' },
  { name: 'VSS_CACHE_MB', scope: 'app', help: 'decoded-frame cache limit in MB', unset: '512' },
  { name: 'FFMPEG_PATH', scope: 'app', help: 'ffmpeg binary to use', unset: 'the one in @ffmpeg-installer/ffmpeg' },
  { name: 'FFPROBE_PATH', scope: 'app', help: 'ffprobe binary to use', unset: 'the one in @ffprobe-installer/ffprobe' },
  { name: 'VSS_DEBUG', scope: 'cli', help: 'any value: print the stack trace under a CLI error', unset: 'one-line errors' },
  { name: 'VSS_CLI_FROM', scope: 'cli', help: '`dist` or `source`: which build of the CLI bin/vss.mjs runs', unset: 'the bundle when built and current, else the sources' },
  { name: 'VSS_DATA_DIR', scope: 'dev', help: 'datasets for evaluation, benchmarks and data tests', unset: '../shared/data' },
  { name: 'VSS_BENCH_ROUNDS', scope: 'dev', help: 'bench: rounds per engine configuration', unset: '5' },
  { name: 'VSS_BENCH_LATENCY_ROUNDS', scope: 'dev', help: 'bench: rounds of the latency section', unset: '5' },
  { name: 'VSS_BENCH_LONG_FRAMES', scope: 'dev', help: 'bench: frames of the long engine run', unset: '450' },
  { name: 'VSS_BENCH_STREAM_FPS', scope: 'dev', help: 'bench: camera rate of the streaming run', unset: '15' },
  { name: 'VSS_BENCH_HEAVY_BLOCKS', scope: 'dev', help: 'bench: blocks of the DFF-profile bundle', unset: '16' },
  { name: 'VSS_BENCH_MEMORY_SEC', scope: 'dev', help: 'bench: length of the memory soak in seconds', unset: '600' },
  { name: 'VSS_BENCH_PARTS_ROUNDS', scope: 'dev', help: 'bench: interleaved rounds of the engine-parts section', unset: '3' },
  { name: 'VSS_BENCH_PARTS_FRAMES', scope: 'dev', help: 'bench: frames per run in the engine-parts section', unset: '50' },
  { name: 'VSS_BENCH_MODEL', scope: 'dev', help: 'bench: another split bundle for the engine-parts section (the default bundle is always measured)', unset: 'none' },
  { name: 'VSS_BENCH_MODEL_SINGLE', scope: 'dev', help: 'bench: a single-graph bundle to add to the engine-parts section', unset: 'none' },
  { name: 'VSS_BENCH_SINGLE_BLOCKS', scope: 'dev', help: 'bench: blocks of the generated 1280x720 single-graph bundle (4: a graph of ~60 ms on 2 cores)', unset: '4' },
  { name: 'VSS_CHROMIUM', scope: 'dev', help: 'bench: Chromium binary for the UI section', unset: '/usr/bin/chromium' },
  { name: 'CHROMIUM_PATH', scope: 'dev', help: 'Chromium binary for e2e tests and screenshots', unset: '/usr/bin/chromium' },
  { name: 'VSS_SCREENSHOT_CLIP', scope: 'dev', help: 'the real clip of `npm run screenshots` and of the clip section of `npm run eval`', unset: '$VSS_DATA_DIR/videos/solidWhiteRight.mp4' },
  { name: 'VSS_UPDATE_SCREENSHOT', scope: 'dev', help: 'any value: e2e tests rewrite their reference screenshots', unset: 'compare' },
  { name: 'VSS_E2E_FIXTURES', scope: 'dev', help: 'set by the e2e global setup for the specs (internal)', unset: '—' },
  { name: 'VSS_TEST_MODELS', scope: 'dev', help: '1: the model list also offers the test-tiny bundles (tests set it)', unset: 'test bundles hidden' },
  { name: 'VSS_TEST_ENGINE_FRAME_MS', scope: 'dev', help: 'tests: extra milliseconds per engine frame, so a run is observably in progress', unset: '0' },
  { name: 'VSS_STUB_USER_DATA', scope: 'dev', help: "set by the main-process stub test: its stand-in Electron's userData folder (internal)", unset: '—' },
  { name: 'VSS_STUB_DRIVER', scope: 'dev', help: 'set by the main-process stub test: the script its stand-in Electron runs (internal)', unset: '—' },
];

/** Variables set by npm or CI systems that the sources read but do not own. */
export const FOREIGN_ENV_VARS: readonly string[] = ['CI', 'INIT_CWD'];

/** The table as text lines for `vss --help`. */
export function envHelp(): string[] {
  const width = Math.max(...ENV_VARS.map((v) => v.name.length));
  const row = (v: EnvVar): string => `  ${v.name.padEnd(width)}  ${v.help}${v.unset === '—' ? '' : ` (unset: ${v.unset})`}`;
  return [
    'environment:',
    ...ENV_VARS.filter((v) => v.scope !== 'dev').map(row),
    '',
    'environment (tests, benchmarks, scripts):',
    ...ENV_VARS.filter((v) => v.scope === 'dev').map(row),
  ];
}

const USED_BY: Record<EnvVar['scope'], string> = { app: 'app, review host, CLI', cli: 'CLI', dev: 'tests, bench, scripts' };

/** The table as Markdown, exactly as README.md carries it. */
export function envMarkdown(): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    '| variable | used by | what it changes | when unset |',
    '|---|---|---|---|',
    ...ENV_VARS.map((v) => `| \`${v.name}\` | ${USED_BY[v.scope]} | ${esc(v.help)} | ${esc(v.unset)} |`),
  ].join('\n');
}
