/** One row of the class editor: colour picker, inline name, id, hide toggle and remove. */
import { useEffect, useRef, useState } from 'react';
import type { ClassDef } from '../../../electron/shared/contract.ts';
import { toggleClassHidden } from '../overlays/overlay-actions.ts';
import { recolorClass, removeClass, renameClass } from './class-actions.ts';
import { fromHex, toHex } from './class-edit.ts';

/** A colour input that commits when the picker is closed (the native change event), not while dragging. */
function ColorInput({ c }: { c: ClassDef }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const commit = () => {
      const rgb = fromHex(el.value);
      if (rgb && toHex(rgb) !== toHex(c.color)) void recolorClass(c.id, rgb);
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, [c]);
  return <input ref={ref} type="color" key={toHex(c.color)} defaultValue={toHex(c.color)} aria-label={`Colour of ${c.name}`} data-testid={`class-color-${c.id}`} />;
}

/** The name, renamed on Enter or when the field is left; Escape puts the old name back. */
function NameInput({ c }: { c: ClassDef }) {
  const [draft, setDraft] = useState(c.name);
  useEffect(() => setDraft(c.name), [c.name]);
  const commit = () => {
    if (draft.trim() !== c.name) void renameClass(c.id, draft).then((ok) => ok || setDraft(c.name));
  };
  return (
    <input
      className="class-name-input"
      value={draft}
      aria-label={`Name of class ${c.id}`}
      data-testid={`class-name-${c.id}`}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(c.name);
        }
      }}
    />
  );
}

export function ClassRow({ c, hidden }: { c: ClassDef; hidden: boolean }) {
  return (
    <li className={hidden ? 'class-off' : ''} data-testid={`class-row-${c.id}`}>
      <ColorInput c={c} />
      <NameInput c={c} />
      <span className="class-id" title="Class id: the value stored in label files">{c.id}</span>
      <button className="class-eye" aria-pressed={!hidden} data-testid={`class-hide-${c.id}`} title={hidden ? `Show ${c.name}` : `Hide ${c.name}`} onClick={() => toggleClassHidden(c.id)}>
        {hidden ? '◌' : '◉'}
      </button>
      <button className="class-remove" data-testid={`class-remove-${c.id}`} title={`Remove ${c.name} (only while no label uses it; hide it otherwise)`} onClick={() => void removeClass(c.id)}>
        ×
      </button>
    </li>
  );
}
