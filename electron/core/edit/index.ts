/** Pure editing core over label maps: commands, diffs, history, propagation. No Node imports. */
export * from './diff.ts';
export * from './compose.ts';
export * from './spans.ts';
export * from './brush.ts';
export * from './polygon.ts';
export * from './flood-fill.ts';
export * from './occlusion.ts';
export * from './propagate.ts';
export * from './commands.ts';
export * from './history.ts';
export * from './serialize.ts';
