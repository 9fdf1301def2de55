import { utilityProcess } from 'electron';
import type { HostLauncher } from './core/inference/host-launcher.ts';

/**
 * In the app the inference host is an Electron utilityProcess owned by main: crash-isolated,
 * off the main thread, and one process (onnxruntime-node is unsafe in several worker threads).
 */
export const utilityLauncher: HostLauncher = (entryPath) => {
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'Docket inference', stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (fn) => child.on('message', fn),
    onExit: (fn) => child.on('exit', (code) => fn(code)),
    kill: () => void child.kill(),
  };
};
