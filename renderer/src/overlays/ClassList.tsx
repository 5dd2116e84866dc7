/**
 * The class legend, which is also the editing palette: each class with its colour and name, its
 * digit key, a click to paint with it, and an eye to hide it from the mask.
 */
import { useShallow } from 'zustand/shallow';
import { ClassSwatch } from '../components/ClassSwatch.tsx';
import { appStore, useApp } from '../store/index.ts';
import { toggleClassHidden } from './overlay-actions.ts';

/** The digit key of the i-th class (1…9, 0, then Shift+1…Shift+0), or '' past twenty. */
export function classKey(i: number): string {
  if (i < 10) return String((i + 1) % 10);
  return i < 20 ? `Shift+${(i - 9) % 10}` : '';
}

export function ClassList() {
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const hidden = useApp(useShallow((s) => s.project?.view.hiddenClasses ?? []));
  const current = useApp((s) => s.classId);
  if (classes.length === 0) return null;
  return (
    <ul className="class-list" data-testid="class-legend" role="radiogroup" aria-label="Class to paint">
      {classes.map((c, i) => {
        const off = hidden.includes(c.id);
        return (
          <li key={c.id} className={`${current === c.id ? 'on' : ''}${off ? ' class-off' : ''}`}>
            <button role="radio" aria-checked={current === c.id} className="class-pick" data-testid={`palette-${c.id}`} title={`Paint ${c.name}${classKey(i) ? ` (${classKey(i)} with a tool)` : ''}`} onClick={() => appStore.getState().setClassId(c.id)}>
              <ClassSwatch color={c.color} />
              <span className="class-name">{c.name}</span>
              <kbd>{classKey(i)}</kbd>
            </button>
            <button className="class-eye" aria-pressed={!off} data-testid={`class-${c.id}`} title={off ? `Show ${c.name}` : `Hide ${c.name}`} onClick={() => toggleClassHidden(c.id)}>
              {off ? '◌' : '◉'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
