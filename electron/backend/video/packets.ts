/** ffprobe packet listing of one stream: demux only (no decoding), fast. */
import { VssError } from '../../core/errors.ts';
import { lastErrorLine, runTool } from './run-tool.ts';

export interface Packet {
  /** Presentation timestamp in stream time base, null when the container has none. */
  pts: number | null;
  dts: number | null;
  key: boolean;
  /** Flagged corrupt by the demuxer (e.g. MPEG-TS continuity errors). */
  corrupt: boolean;
  /** Flagged to be discarded by the decoder (e.g. before an edit list start). */
  discard: boolean;
  size: number;
  /** Byte position of the packet's data in the file, null when the demuxer does not know it. */
  pos: number | null;
}

function num(s: string | undefined): number | null {
  if (s === undefined || s === '' || s === 'N/A') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function parsePackets(csv: string): Packet[] {
  const out: Packet[] = [];
  for (const line of csv.split('\n')) {
    if (!line) continue;
    const [pts, dts, size, pos, flags = ''] = line.split(',');
    out.push({
      pts: num(pts),
      dts: num(dts),
      size: num(size) ?? 0,
      pos: num(pos),
      key: flags.includes('K'),
      corrupt: flags.includes('C'),
      discard: flags.includes('D'),
    });
  }
  return out;
}

/** Packets of stream `streamIndex` in decode (file) order (ffprobe prints the fields in this order). */
export async function listPackets(path: string, streamIndex: number): Promise<Packet[]> {
  const r = await runTool('ffprobe', [
    '-v', 'error', '-select_streams', String(streamIndex),
    '-show_entries', 'packet=pts,dts,size,pos,flags', '-of', 'csv=p=0', path,
  ]);
  if (r.code !== 0) throw new VssError('CORRUPT', `cannot read packets of ${path}: ${lastErrorLine(r.stderr)}`);
  return parsePackets(r.stdout);
}
