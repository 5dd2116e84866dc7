/** A button that runs a registry action: its title shows the keys, its state follows `enabled` and `checked`. */
import type { ReactNode } from 'react';
import { useApp } from '../store/index.ts';
import { isEnabled } from './dispatch.ts';
import { action, runAction, titleOf } from './registry.ts';

interface Props {
  id: string;
  testId?: string;
  className?: string;
  /** The button's text (default: the action's label). */
  children?: ReactNode;
}

export function ActionButton({ id, testId, className, children }: Props) {
  const a = action(id);
  const enabled = useApp((s) => isEnabled(a, s));
  const checked = useApp((s) => (a.checked ? a.checked(s) : null));
  const cls = [className, checked ? 'on' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={cls || undefined}
      aria-pressed={checked ?? undefined}
      disabled={!enabled}
      title={titleOf(id)}
      data-testid={testId}
      data-action={id}
      onClick={() => runAction(id)}
    >
      {children ?? a.label}
    </button>
  );
}
