// `npm run bench -- detect`: every built-in pattern detector over 10 MB of memo-like text with
// an email, phone, card, IBAN, date and IP every few lines. Prints MB/s and spans found.
import { detectPatterns } from '../src-main/core/detect/index.ts';

export async function benchDetect(): Promise<void> {
  const lines = [
    'The committee met on 2024-03-14 to review the quarterly budget and the travel policy.',
    'Write to ana.garcia@globex.example or call +1 415 555 0132 before Friday.',
    'Refund card 4111 1111 1111 1111 and transfer to GB82 WEST 1234 5698 7654 32 next week.',
    'Access from 192.168.10.24 was logged at https://intranet.example.org/audit?id=42 today.',
    'Nothing sensitive in this line, only words about budgets, meetings and the weather.',
  ];
  const block = lines.join('\n') + '\n';
  const text = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
  detectPatterns(block); // warm-up
  const t0 = performance.now();
  const spans = detectPatterns(text);
  const seconds = (performance.now() - t0) / 1000;
  const mb = text.length / 1024 / 1024;
  const byLabel: Record<string, number> = {};
  for (const s of spans) byLabel[s.label] = (byLabel[s.label] ?? 0) + 1;
  console.log(`detect: ${mb.toFixed(1)} MB of text in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(1)} MB/s (${((seconds * 1000) / mb).toFixed(0)} ms per MB)`);
  console.log(`  ${spans.length.toLocaleString('en')} spans: ${Object.entries(byLabel).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
}

if (import.meta.main) await benchDetect();
