/**
 * Folders the desktop app needs at run time, from what Electron says about itself (pure; no
 * electron import, unit-tested). The bundled main cannot use source-relative paths: it runs from
 * dist/electron (dev: `electron .` or `electron dist/electron/main.cjs`) or from app.asar
 * (packaged, with native-models unpacked beside it: ONNX Runtime reads real files).
 */
import { join } from 'node:path';

export interface AppLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the repo root for `electron .`, dist/electron for `electron dist/electron/main.cjs`, …/resources/app.asar packaged. */
  appPath: string;
  /** process.resourcesPath (packaged apps). */
  resourcesPath: string;
  /** The folder of main.cjs (__dirname of the bundle). */
  bundleDir: string;
  env: Record<string, string | undefined>;
}

/**
 * The data folder (recent lists, projects, settings): $VSS_HOME when set, else Electron's
 * per-user app data folder (app.getPath('userData'), e.g. ~/.config/VSS Studio,
 * ~/Library/Application Support/VSS Studio, %APPDATA%\VSS Studio).
 */
export function dataDirFor(env: Record<string, string | undefined>, userData: string): string {
  return env.VSS_HOME?.trim() || userData;
}

/** Where the model bundles may be, best first. */
export function modelsDirCandidates(at: AppLocation): string[] {
  const out: string[] = [];
  if (at.env.VSS_MODELS_DIR) out.push(at.env.VSS_MODELS_DIR);
  if (at.isPackaged) out.push(join(at.resourcesPath, 'app.asar.unpacked', 'native-models'));
  out.push(join(at.appPath, 'native-models'), join(at.bundleDir, '..', '..', 'native-models'));
  return out;
}

/** The first candidate that exists, or undefined (the backend then reports no models). */
export function resolveModelsDir(at: AppLocation, exists: (path: string) => boolean): string | undefined {
  return modelsDirCandidates(at).find(exists);
}

/** The window icon (Linux and Windows title bars): assets/icon beside dist/, in the repo and in app.asar alike. */
export function windowIcon(bundleDir: string): string {
  return join(bundleDir, '..', '..', 'assets', 'icon', 'png', '512x512.png');
}
