/**
 * CSV text arriving in chunks, cut into records (each with its line end): a line break inside
 * quotes belongs to its record. RFC 4180 quoting, as csv-writer.ts writes it: every quote
 * toggles, so an escaped "" toggles twice. Holds one record at a time, never the file.
 */
export class CsvRecords {
  #open = '';
  #quoted = false;

  /** The records this chunk completes. */
  feed(chunk: string): string[] {
    const records: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x22) this.#quoted = !this.#quoted;
      else if (c === 0x0a && !this.#quoted) {
        records.push(this.#open + chunk.slice(start, i + 1));
        this.#open = '';
        start = i + 1;
      }
    }
    this.#open += chunk.slice(start);
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[] {
    const rest = this.#open;
    this.#open = '';
    return rest === '' ? [] : [rest];
  }
}
