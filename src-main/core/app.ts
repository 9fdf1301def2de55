import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocketError } from './errors.ts';
import type { JobKind, JobKinds } from './jobs/job-kinds.ts';
import { JobRunner, type JobContext } from './jobs/jobs.ts';
import { checkRecordAt, type CheckRecord } from './store/check-record.ts';
import { openDatabase, type Db } from './store/database.ts';
import { InferenceClient } from './inference/client.ts';
import type { HostLauncher } from './inference/host-launcher.ts';

/** How this instance starts its inference host: the Electron shell passes a utilityProcess. */
export interface AppOptions {
  launcher?: HostLauncher;
  /** The host's entry file (bundled .cjs in the app; the .ts source under plain Node). */
  hostEntry?: string;
  /** The job process's entry file (imports, pattern runs, exports run there), started with `launcher`. */
  jobHostEntry?: string;
  /**
   * How model pulls reach the hub: the Electron shell passes the session's proxy resolver (system
   * settings, PAC), as a PAC answer ("PROXY host:port; DIRECT"). Unset: HTTPS_PROXY/NO_PROXY.
   */
  hubProxy?: (url: string) => Promise<string | null>;
}

export interface AppPaths {
  /** Per-user folder: recent projects, settings, the model cache. */
  userData: string;
  /** Where pulled models live, in the hub's `<owner>/<name>/` layout. */
  modelCache: string;
}

export function defaultPaths(userData: string): AppPaths {
  return { userData, modelCache: join(userData, 'models') };
}

/**
 * The core's state for one app instance (Electron main, `docket serve`, or a test): the open
 * project, running jobs, and where things live. Handlers get everything through it.
 */
export class App {
  readonly paths: AppPaths;
  readonly jobs = new JobRunner();
  #project: { path: string; db: Db } | null = null;
  readonly #onClose: Array<() => void | Promise<void>> = [];

  readonly options: AppOptions;
  readonly #checkRecord: CheckRecord;
  #inference: InferenceClient | null = null;

  constructor(paths: AppPaths, options: AppOptions = {}) {
    this.paths = paths;
    this.options = options;
    mkdirSync(paths.modelCache, { recursive: true });
    this.#checkRecord = checkRecordAt(join(paths.userData, 'checked-projects.json'));
  }

  open(path: string, create = false): void {
    const db = openDatabase(path, { create, checkRecord: this.#checkRecord });
    this.#closeProject();
    this.#project = { path, db };
  }

  /** Closes the open project and notes how it was left, so that opening it unchanged is quick. */
  #closeProject(): void {
    if (!this.#project) return;
    this.#project.db.close();
    try {
      this.#checkRecord.remember(this.#project.path);
    } catch {
      // Only a shortcut is lost: the next open checks the whole file.
    }
    this.#project = null;
  }

  get projectPath(): string | null {
    return this.#project?.path ?? null;
  }

  /** The open project's connection; a typed error, not a crash, when none is open. */
  db(): Db {
    if (!this.#project) throw new DocketError('no_project', 'No project is open. Create or open a .docket project first.');
    return this.#project.db;
  }

  /** The inference host's client, started on first use and stopped on close. */
  inference(): InferenceClient {
    if (!this.#inference) {
      const client = new InferenceClient(this.options.launcher, this.options.hostEntry);
      this.#inference = client;
      this.onClose(() => {
        client.close();
        this.#inference = null;
      });
    }
    return this.#inference;
  }

  /**
   * Runs heavy work (an import, a pattern run, an export) in a job process of its own on the
   * open project, so this process keeps answering the UI; progress and cancel are relayed.
   */
  async inJobProcess<K extends JobKind>(kind: K, request: JobKinds[K]['request'], job: JobContext): Promise<JobKinds[K]['result']> {
    const path = this.projectPath;
    if (!path) throw new DocketError('no_project', 'No project is open. Create or open a .docket project first.');
    const { runInJobProcess } = await import('./jobs/job-process.ts');
    return runInJobProcess(kind, path, request, job, this.options.launcher, this.options.jobHostEntry);
  }

  /** Registers cleanup (inference host, servers) to run on close. */
  onClose(fn: () => void | Promise<void>): void {
    this.#onClose.push(fn);
  }

  async close(): Promise<void> {
    this.jobs.cancelAll();
    for (const fn of this.#onClose.splice(0)) await fn();
    this.#closeProject();
  }
}
