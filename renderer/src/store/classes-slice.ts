/**
 * The class editor: open or not, the last refusal, and its own undo history. A step holds the
 * class list before and after (a few hundred bytes), never labels.
 */
import type { StateCreator } from 'zustand';
import type { ClassDef } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface ClassStep {
  /** What the step did, e.g. "rename Car" (shown as "Undo rename Car"). */
  label: string;
  before: ClassDef[];
  after: ClassDef[];
}

export interface ClassesSlice {
  classesOpen: boolean;
  classError: string | null;
  classUndo: ClassStep[];
  classRedo: ClassStep[];
  setClassesOpen(open: boolean): void;
  setClassError(message: string | null): void;
  /** A change was kept: it becomes the newest undo step and the redo steps are dropped. */
  pushClassStep(step: ClassStep): void;
  /** Moves the newest step from one stack to the other (after the backend took it). */
  moveClassStep(from: 'undo' | 'redo'): void;
  /** Another project: its history starts empty. */
  resetClassSteps(): void;
}

/** Steps kept for undo. */
const MAX_STEPS = 100;

export const createClassesSlice: StateCreator<AppState, [], [], ClassesSlice> = (set, get) => ({
  classesOpen: false,
  classError: null,
  classUndo: [],
  classRedo: [],
  setClassesOpen: (classesOpen) => set({ classesOpen, classError: null }),
  setClassError: (classError) => set({ classError }),
  pushClassStep: (step) => set({ classUndo: [...get().classUndo, step].slice(-MAX_STEPS), classRedo: [], classError: null }),
  moveClassStep: (from) => {
    const { classUndo, classRedo } = get();
    const src = from === 'undo' ? classUndo : classRedo;
    const step = src[src.length - 1];
    if (!step) return;
    const rest = src.slice(0, -1);
    set(from === 'undo' ? { classUndo: rest, classRedo: [...classRedo, step], classError: null } : { classRedo: rest, classUndo: [...classUndo, step], classError: null });
  },
  resetClassSteps: () => set({ classUndo: [], classRedo: [], classError: null }),
});
