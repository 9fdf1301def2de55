// How a child process of Docket (the inference host, the job process) talks to the process that
// started it, whatever started it: Electron's utilityProcess (process.parentPort) or a forked
// child under plain Node (process.send).

export interface ParentPort<Out> {
  send(message: Out): void;
  onMessage(fn: (message: unknown) => void): void;
}

export function parentPort<Out>(): ParentPort<Out> {
  const electron = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', fn: (e: { data: unknown }) => void): void } })
    .parentPort;
  if (electron) return { send: (m) => electron.postMessage(m), onMessage: (fn) => electron.on('message', (e) => fn(e.data)) };
  // A child whose parent is gone (killed, crashed) has no one to answer: it stops, and frees its memory.
  process.once('disconnect', () => process.exit(0));
  return { send: (m) => process.send?.(m), onMessage: (fn) => process.on('message', fn) };
}
