// Peak resident memory of this process over one step. watchMemory samples on a timer, which never
// fires while a synchronous SQLite statement holds the event loop (a bulk accept is one), so on
// Linux the kernel's own high-water mark (VmHWM, reset through /proc/self/clear_refs) is read too;
// the peak is the higher of the two.
import { readFileSync, writeFileSync } from 'node:fs';
import { watchMemory } from '../peak-memory.ts';

export interface Peak {
  peakMb: number;
  growthMb: number;
}

function highWaterMb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

function resetHighWater(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5'); // 5: reset the peak RSS to the current RSS
    return true;
  } catch {
    return false;
  }
}

/** Starts watching; stop() gives the peak RSS since start and its growth over the RSS at start. */
export function measurePeak(): { stop(): Peak } {
  const kernel = resetHighWater();
  const watch = watchMemory(10);
  return {
    stop() {
      const sampled = watch.stop();
      const hwm = kernel ? highWaterMb() : null;
      const peakMb = Math.max(sampled.peakMb, hwm ?? 0);
      return { peakMb, growthMb: peakMb - sampled.baselineMb };
    },
  };
}

/** Runs `work`, returning its result with its time in seconds and the process's peak RSS meanwhile. */
export async function measured<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number } & Peak> {
  const peak = measurePeak();
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - t0) / 1000, ...peak.stop() };
  } catch (error) {
    peak.stop();
    throw error;
  }
}
