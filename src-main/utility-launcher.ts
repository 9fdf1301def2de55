import { utilityProcess } from 'electron';
import type { HostLauncher } from './core/inference/host-launcher.ts';

/**
 * In the app the inference host and the job process are Electron utilityProcesses owned by
 * main: crash-isolated and off the main thread (one inference host: onnxruntime-node is unsafe
 * in several worker threads).
 */
export const utilityLauncher: HostLauncher = (entryPath) => {
  const serviceName = entryPath.includes('job-host') ? 'Docket jobs' : 'Docket inference';
  const child = utilityProcess.fork(entryPath, [], { serviceName, stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (fn) => child.on('message', fn),
    onExit: (fn) => child.on('exit', (code) => fn(code)),
    kill: () => void child.kill(),
  };
};
