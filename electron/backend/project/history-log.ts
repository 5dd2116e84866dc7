/**
 * The undo history's append-only log (history.log in the project folder). Each record is
 * framed as [payload length u32 LE][CRC-32 of the payload u32 LE][payload: UTF-8 JSON], written
 * with one append + fsync, so saving a step costs O(size of the step). A crash can only tear the
 * last record: load() stops at the first record whose length or CRC does not check out and cuts
 * the file back to the last good record, so later appends never follow garbage.
 */
import { open, readFile, truncate } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { SerializedDiff } from '../../core/edit/serialize.ts';
import { writeFileAtomic } from './atomic.ts';

/** A new undo step: the forward diffs of a track's frames (stems name the files they touch). */
export interface StepRecord {
  t: 'step';
  seq: number;
  op: string;
  track: string;
  label: string;
  at: number;
  diffs: SerializedDiff[];
  stems: string[];
}
/** Undo or redo: moves the history's pointer by one step (no diffs). */
export interface MoveRecord {
  t: 'undo' | 'redo';
  seq: number;
  op: string;
}
/** First record of a compacted log: what came before is folded into the records that follow. */
export interface BaseRecord {
  t: 'base';
  seq: number;
  /** Recent operation ids, so a retried request is still recognised after compaction. */
  ops: string[];
}
export type HistoryRecord = StepRecord | MoveRecord | BaseRecord;

const HEADER = 8;
/** A record larger than this is treated as damage (the contract caps one request well below). */
const MAX_RECORD = 256 * 1024 * 1024;

export function encodeRecord(r: HistoryRecord): Buffer {
  const payload = Buffer.from(JSON.stringify(r), 'utf8');
  const out = Buffer.allocUnsafe(HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  payload.copy(out, HEADER);
  return out;
}

function isRecord(v: unknown): v is HistoryRecord {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.seq !== 'number') return false;
  if (o.t === 'step') return typeof o.op === 'string' && typeof o.track === 'string' && Array.isArray(o.diffs) && Array.isArray(o.stems) && o.diffs.length === o.stems.length;
  if (o.t === 'undo' || o.t === 'redo') return typeof o.op === 'string';
  return o.t === 'base' && Array.isArray(o.ops);
}

/** Parses records up to the first damaged one; `good` is the byte length of the intact prefix. */
export function decodeRecords(buf: Buffer): { records: HistoryRecord[]; good: number } {
  const records: HistoryRecord[] = [];
  let at = 0;
  while (at + HEADER <= buf.length) {
    const len = buf.readUInt32LE(at);
    if (len > MAX_RECORD || at + HEADER + len > buf.length) break;
    const payload = buf.subarray(at + HEADER, at + HEADER + len);
    if (crc32(payload) !== buf.readUInt32LE(at + 4)) break;
    let value: unknown;
    try {
      value = JSON.parse(payload.toString('utf8'));
    } catch {
      break;
    }
    if (!isRecord(value)) break;
    records.push(value);
    at += HEADER + len;
  }
  return { records, good: at };
}

export class HistoryLog {
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private bytes: number,
  ) {}

  /** Size of the log file in bytes. */
  get size(): number {
    return this.bytes;
  }

  /** Reads the log (a missing file is an empty log); a torn tail is dropped from the file too. */
  static async load(path: string): Promise<{ log: HistoryLog; records: HistoryRecord[]; dropped: number }> {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch {
      return { log: new HistoryLog(path, 0), records: [], dropped: 0 };
    }
    const { records, good } = decodeRecords(buf);
    if (good < buf.length) await truncate(path, good);
    return { log: new HistoryLog(path, good), records, dropped: buf.length - good };
  }

  /** Appends records and fsyncs; resolves when they are on disk. Appends never overlap. */
  append(records: readonly HistoryRecord[]): Promise<number> {
    const data = Buffer.concat(records.map(encodeRecord));
    return this.serial(async () => {
      const fh = await open(this.path, 'a');
      try {
        await fh.write(data);
        await fh.sync();
      } catch (e) {
        await fh.truncate(this.bytes).catch(() => undefined); // never leave half a record behind
        throw e;
      } finally {
        await fh.close();
      }
      this.bytes += data.length;
      return data.length;
    });
  }

  /** Replaces the whole log atomically (compaction). */
  rewrite(records: readonly HistoryRecord[]): Promise<void> {
    const data = Buffer.concat(records.map(encodeRecord));
    return this.serial(async () => {
      await writeFileAtomic(this.path, data);
      this.bytes = data.length;
    });
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.writing.then(step, step);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
