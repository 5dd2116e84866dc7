/** A collapsible side-panel section: a header button (remembered open or closed) over its content. */
import type { ReactNode } from 'react';
import { useApp } from '../store/index.ts';
import type { PanelSection as SectionId } from '../store/ui-slice.ts';

export function PanelSection({ id, title, children, className }: { id: SectionId; title: ReactNode; children: ReactNode; className?: string }) {
  const open = useApp((s) => !s.panels.collapsed.includes(id));
  const toggle = useApp((s) => s.toggleSection);
  return (
    <section className={`panel-section${className ? ` ${className}` : ''}`} data-testid={`section-${id}`} data-open={open}>
      <h3>
        <button className="section-toggle" aria-expanded={open} data-testid={`section-toggle-${id}`} onClick={() => toggle(id)}>
          <span className="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          {title}
        </button>
      </h3>
      {open && children}
    </section>
  );
}
