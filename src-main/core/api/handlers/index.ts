import type { App } from '../../app.ts';
import type { Handlers } from '../router.ts';
import { annotationHandlers } from './annotations.ts';
import { documentHandlers } from './documents.ts';
import { exportHandlers } from './export.ts';
import { modelHandlers } from './models.ts';
import { projectHandlers } from './project.ts';
import { runHandlers } from './runs.ts';
import { settingsHandlers } from './settings.ts';

/** Every channel of the contract, implemented; TypeScript checks that none is missing. */
export function createHandlers(app: App): Handlers {
  return {
    ...projectHandlers(app),
    ...documentHandlers(app),
    ...annotationHandlers(app),
    ...runHandlers(app),
    ...modelHandlers(app),
    ...settingsHandlers(app),
    ...exportHandlers(app),
  };
}
