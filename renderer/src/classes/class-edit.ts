/**
 * Pure edits of a class list, as the class editor makes them. Each returns a new list; the
 * backend checks the result (core/class-list.ts) before it is kept.
 */
import type { ClassDef } from '../../../electron/shared/contract.ts';
import { nextFreeClassId } from '../../../electron/core/class-list.ts';

export type Rgb = [number, number, number];

export const withName = (classes: readonly ClassDef[], id: number, name: string): ClassDef[] => classes.map((c) => (c.id === id ? { ...c, name } : c));
export const withColor = (classes: readonly ClassDef[], id: number, color: Rgb): ClassDef[] => classes.map((c) => (c.id === id ? { ...c, color } : c));
export const without = (classes: readonly ClassDef[], id: number): ClassDef[] => classes.filter((c) => c.id !== id);

/** "Class N" with the smallest N no class is named yet. */
export function freshName(classes: readonly ClassDef[]): string {
  const taken = new Set(classes.map((c) => c.name.toLowerCase()));
  for (let n = classes.length + 1; ; n++) if (!taken.has(`class ${n}`)) return `Class ${n}`;
}

/** A saturated colour far (in hue) from the ones in use: golden-angle steps around the wheel. */
export function freshColor(classes: readonly ClassDef[]): Rgb {
  const h = (classes.length * 137.508) % 360;
  const f = (n: number): number => {
    const k = (n + h / 60) % 6;
    return Math.round(255 * (1 - 0.75 * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}

/** The list with one more class (next free id, fresh name and colour), or null when all ids are used. */
export function withNewClass(classes: readonly ClassDef[], ignoreIndex: number): ClassDef[] | null {
  const id = nextFreeClassId(classes, ignoreIndex);
  if (id === null) return null;
  return [...classes, { id, name: freshName(classes), color: freshColor(classes) }];
}

export function toHex(c: readonly number[]): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export function fromHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}
