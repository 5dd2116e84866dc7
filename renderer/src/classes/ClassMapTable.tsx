/**
 * The model classes of the shown track and the project class each is shown as (or ignored).
 * Changing one rewrites how every uncorrected frame of the track reads; corrections keep theirs.
 */
import { useShallow } from 'zustand/shallow';
import { ClassSwatch } from '../components/ClassSwatch.tsx';
import { useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { mapModelClass } from './class-actions.ts';

export function ClassMapTable() {
  const track = useApp((s) => s.project?.tracks.find((t) => t.id === currentTrackId(s.project)) ?? null);
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const ignore = useApp((s) => s.project?.ignoreIndex ?? 255);
  if (!track) return null;
  if (!track.modelClasses) return <p className="muted">Track {track.name} does not record its model's classes: its labels are shown as they are.</p>;
  const differs = track.modelClasses.some((m) => classes.find((c) => c.id === m.id)?.name !== m.name);
  return (
    <section className="class-map" data-testid="class-map">
      <h3>Model classes of {track.name}</h3>
      <p className="muted">{differs ? "The model's classes differ from the project's: choose what each one is shown and exported as." : "The model's classes match the project's."}</p>
      <ul>
        {track.modelClasses.map((m) => {
          const to = track.classMap[String(m.id)] ?? m.id;
          return (
            <li key={m.id}>
              <ClassSwatch color={m.color} />
              <span className="class-name" title={`Model class ${m.id}`}>{m.name}</span>
              <span aria-hidden="true">→</span>
              <select aria-label={`Project class for model class ${m.name}`} data-testid={`class-map-${m.id}`} value={to} onChange={(e) => void mapModelClass(track.id, m.id, Number(e.target.value))}>
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                {!classes.some((c) => c.id === to) && to !== ignore && <option value={to}>class {to} (not in the project)</option>}
                <option value={ignore}>ignore (void)</option>
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
