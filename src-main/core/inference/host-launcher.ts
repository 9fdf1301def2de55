import { fork } from 'node:child_process';

/** One inference host process, as main sees it, whatever started it. */
export interface HostProcess {
  send(message: unknown): void;
  onMessage(fn: (message: unknown) => void): void;
  onExit(fn: (code: number | null) => void): void;
  kill(): void;
}

export type HostLauncher = (entryPath: string) => HostProcess;

/** Under plain Node (CLI, browser mode, tests) the host is a forked child process. */
export const forkLauncher: HostLauncher = (entryPath) => {
  const child = fork(entryPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  // A send racing the child's death fails with EPIPE; the exit handler reports the crash.
  child.on('error', () => {});
  return {
    send: (message) => {
      if (child.connected) child.send(message as never, (error) => void error);
    },
    onMessage: (fn) => child.on('message', fn),
    onExit: (fn) => child.on('exit', (code) => fn(code)),
    kill: () => void child.kill('SIGKILL'),
  };
};
