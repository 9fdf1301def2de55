export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

const KINDS: Record<string, string> = {
  'text/plain': 'TXT',
  'text/markdown': 'MD',
  'text/csv': 'CSV',
  'text/tab-separated-values': 'TSV',
  'application/jsonl': 'JSONL',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

export function kind(mediaType: string): string {
  return KINDS[mediaType] ?? mediaType;
}

/** A model as the analyst reads it: hub ids as they are, imported folders by their folder name. */
export function modelName(id: string): string {
  return /^([A-Za-z]:)?[\\/]/.test(id) ? (id.split(/[\\/]/).filter(Boolean).pop() ?? id) : id;
}
