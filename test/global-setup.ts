// Runs once before the tests: makes the generated fixtures (models, PDFs, DOCX, ...) if they
// are missing, so `npm test` on a fresh clone needs no separate step.
import { ensureFixtures } from './fixtures/generate.ts';

export default async function setup(): Promise<void> {
  await ensureFixtures();
}
