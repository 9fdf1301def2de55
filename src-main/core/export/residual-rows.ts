import { scanTextResidue, type ResidualContext, type ResidualFinding, type ResidualResult } from './residual-scan.ts';

/**
 * The residual scan of a file read back one record (a CSV row) at a time, summed up as one scan
 * of the whole file reads: the same findings, the same check. A value a detector finds lies
 * within a row, so nothing is lost by not scanning the rows together.
 */
export class ResidualRows {
  readonly #context: ResidualContext;
  readonly #findings: ResidualFinding[] = [];
  #decided = 0;

  constructor(context: ResidualContext) {
    this.#context = context;
  }

  scan(record: string): void {
    const result = scanTextResidue(record, this.#context);
    for (const finding of result.findings) this.#findings.push(finding);
    this.#decided += result.decided;
  }

  result(): ResidualResult {
    const findings = this.#findings;
    const open = findings.filter((f) => !f.accepted).length;
    // What was scanned and with what, as the scan of the whole file words it (a scan of no text
    // says only that); then the totals over every row, in the same words.
    const detail =
      scanTextResidue('', this.#context).check.detail! +
      (open > 0 ? `; ${open} unredacted finding(s)` : '') +
      (findings.length > open ? `; ${findings.length - open} accepted by the analyst` : '') +
      (this.#decided > 0 ? `; ${this.#decided} value(s) the analyst rejected as spans left in` : '');
    return { check: { name: 'residual-scan', passed: open === 0, detail }, findings, decided: this.#decided };
  }
}
