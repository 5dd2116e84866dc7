/** Tiny label-map helpers shared by the edit tests. */
import type { LabelMap } from '../types.ts';
import type { EditHistory, HistoryEntry, SerializedHistory } from './history.ts';
import { serializeDiff } from './serialize.ts';

export function labelsFrom(rows: string[]): LabelMap {
  const h = rows.length;
  const w = rows[0]!.length;
  const data = new Uint8Array(w * h);
  rows.forEach((r, y) => {
    for (let x = 0; x < w; x++) data[y * w + x] = Number.parseInt(r[x]!, 36);
  });
  return { width: w, height: h, data };
}

export function rowsOf(l: LabelMap): string[] {
  const out: string[] = [];
  for (let y = 0; y < l.height; y++) {
    let s = '';
    for (let x = 0; x < l.width; x++) s += l.data[y * l.width + x]!.toString(36);
    out.push(s);
  }
  return out;
}

export function blank(width: number, height: number, value = 0): LabelMap {
  return { width, height, data: new Uint8Array(width * height).fill(value) };
}

/** A history in the legacy history.json form (what older versions wrote; production only reads it). */
export function legacyJSON(h: EditHistory): SerializedHistory {
  const ser = (e: HistoryEntry) => ({ label: e.label, at: e.at, diffs: e.diffs.map(serializeDiff) });
  return { version: 1, undo: h.undoEntries.map(ser), redo: h.redoEntries.map(ser) };
}
