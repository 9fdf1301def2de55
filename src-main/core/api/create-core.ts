import { App, defaultPaths, type AppOptions } from '../app.ts';
import { createHandlers } from './handlers/index.ts';
import { createRouter, type Router } from './router.ts';

/** The core as every transport sees it: one App and the router in front of it. */
export function createCore(userData: string, options: AppOptions = {}): { app: App; router: Router } {
  const app = new App(defaultPaths(userData), options);
  return { app, router: createRouter(createHandlers(app)) };
}
