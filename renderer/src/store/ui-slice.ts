/**
 * Workspace chrome: whether the side panel is shown, which of its sections are collapsed, the
 * shortcut sheet, and a request to focus the go-to-frame field. The panel layout is remembered
 * in localStorage (a per-user preference, not part of a project).
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type PanelSection = 'run' | 'tracks' | 'overlays' | 'classes' | 'stats' | 'video';

export interface PanelLayout {
  side: boolean;
  collapsed: PanelSection[];
}

const KEY = 'vss.panels';
const DEFAULT_LAYOUT: PanelLayout = { side: true, collapsed: ['video'] };

function loadLayout(): PanelLayout {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<PanelLayout> | null;
    return v && typeof v.side === 'boolean' && Array.isArray(v.collapsed) ? { side: v.side, collapsed: v.collapsed.filter((c) => typeof c === 'string') as PanelSection[] } : DEFAULT_LAYOUT;
  } catch {
    return DEFAULT_LAYOUT;
  }
}

function saveLayout(l: PanelLayout): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(l));
  } catch {
    // storage may be unavailable (private mode); the layout then lasts for this session
  }
}

export interface UiSlice {
  panels: PanelLayout;
  sheetOpen: boolean;
  /** Bumped to ask the go-to-frame field to take the focus. */
  gotoRequest: number;
  toggleSidePanel(): void;
  toggleSection(s: PanelSection): void;
  setSheetOpen(open: boolean): void;
  requestGoto(): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => {
  const setPanels = (panels: PanelLayout) => {
    saveLayout(panels);
    set({ panels });
  };
  return {
    panels: loadLayout(),
    sheetOpen: false,
    gotoRequest: 0,
    toggleSidePanel: () => setPanels({ ...get().panels, side: !get().panels.side }),
    toggleSection: (s) => {
      const c = get().panels.collapsed;
      setPanels({ ...get().panels, collapsed: c.includes(s) ? c.filter((x) => x !== s) : [...c, s] });
    },
    setSheetOpen: (sheetOpen) => set({ sheetOpen }),
    requestGoto: () => set({ gotoRequest: get().gotoRequest + 1 }),
  };
};
