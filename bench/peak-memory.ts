// Samples this process's resident memory while a benchmark runs: peak and growth are the figures
// that tell "streams" from "reads it all".
export interface MemoryWatch {
  stop(): { baselineMb: number; peakMb: number; growthMb: number };
}

export function watchMemory(intervalMs = 20): MemoryWatch {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      return { baselineMb: mb(baseline), peakMb: mb(peak), growthMb: mb(peak - baseline) };
    },
  };
}
