import { throwIfCancelled } from '../jobs/jobs.ts';
import { CsvRecords } from './csv-records.ts';
import { NeedleScan } from './needle-scan.ts';
import type { PendingFile } from './output-file.ts';
import { textChunks } from './read-back.ts';
import type { ResidualContext } from './residual-scan.ts';
import { ResidualRows } from './residual-rows.ts';
import { inspectionOf, type Inspection, type RedactedStrings } from './verified-output.ts';

/**
 * `inspectText` for a CSV file of any size: read back from disk in chunks, the whole file
 * searched for every redacted string of the file (a string of row 5 in row 90,000 is found),
 * and the residual scan run row by row. Same checks, same failures; memory stays flat.
 */
export async function inspectCsvFile(pending: PendingFile, promise: RedactedStrings, residual: ResidualContext, signal: AbortSignal): Promise<Inspection> {
  const needles = new NeedleScan(promise.needles);
  const records = new CsvRecords();
  const rows = new ResidualRows(residual);
  for await (const chunk of textChunks(pending.tempPath)) {
    throwIfCancelled(signal);
    needles.feed(chunk);
    for (const record of records.feed(chunk)) rows.scan(record);
  }
  for (const record of records.end()) rows.scan(record);
  return inspectionOf(pending.finalPath, needles.end(), promise, rows.result());
}
