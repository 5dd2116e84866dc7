/** Projects: a folder with project.json, tracks/, corrections/ and history.log (see types.ts). */
export * from './types.ts';
export { createProject, openProject, isProjectDir, type CreateProjectOptions } from './open.ts';
export { Project } from './project.ts';
export { Autosaver, type AutosaveOptions } from './autosave.ts';
export { autosaveProject } from './autosave-project.ts';
export { writeFileAtomic, writeJsonAtomic } from './atomic.ts';
export { encodeLabelPng, decodeLabelPng, encodeRgbPng } from './label-png.ts';
export { addRecentProject, listRecentProjects, removeRecentProject, recentProjectsFile, type RecentProject } from './recent-projects.ts';
export { applyEdits, openProjectHistory, type StemEdit, type OpenedHistory } from './edits.ts';
export { ProjectHistory } from './history-store.ts';
export { classInUse, setClasses, setTrackClassMap, setFrameRate } from './classes.ts';
