/**
 * Where the segmentation engine can run: the platforms onnxruntime-node 1.30 ships a binary for
 * (node_modules/onnxruntime-node/bin/napi-v6/<platform>/<arch>). It has none for Intel Macs
 * (darwin-x64), so the macOS installer is arm64 only, and an Intel Mac running from source gets a
 * clear note instead of a failing engine. Pure (no electron import); packaging tests check this
 * table against the installed package and the installer targets in package.json.
 */
export const ENGINE_PLATFORMS = ['darwin-arm64', 'linux-arm64', 'linux-x64', 'win32-arm64', 'win32-x64'] as const;

const NAMES: Record<string, string> = { darwin: 'macOS', linux: 'Linux', win32: 'Windows' };

/** Why the engine cannot run on this platform, or undefined where it can. */
export function engineUnsupported(platform: string, arch: string): string | undefined {
  const key = `${platform}-${arch}`;
  if ((ENGINE_PLATFORMS as readonly string[]).includes(key)) return undefined;
  const where = key === 'darwin-x64' ? 'Intel Macs' : `${NAMES[platform] ?? platform} on ${arch}`;
  return `Segmentation is not available on ${where}: ONNX Runtime 1.30 has no build for ${key} (supported: ${ENGINE_PLATFORMS.join(', ')}). Viewing, editing and export still work.`;
}
