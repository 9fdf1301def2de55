// The scale bench's export, in a process of its own as the app runs it (a job process): a JSONL
// export of every document of the project through runExport over the store reader. Prints one
// JSON line: seconds, the report's verdict, the process's RSS before the export and its peak.
// `node bench/scale/export-process.ts <project> <outDir>`
import { runExport } from '../../src-main/core/export/export-job.ts';
import { storeReader } from '../../src-main/core/export/store-reader.ts';
import { openDatabase } from '../../src-main/core/store/database.ts';

const [project, outDir] = process.argv.slice(2) as [string, string];
const db = openDatabase(project, { checked: true });
const startMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
const t0 = performance.now();
const report = await runExport(storeReader(db), { format: 'jsonl', outDir, status: 'all' }, { signal: new AbortController().signal, report: () => {} });
const seconds = (performance.now() - t0) / 1000;
db.close();
const failures = report.failures.map((f) => f.reason);
console.log(JSON.stringify({ seconds, ok: report.ok, failures, startMb, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
