// The analyst's own detection rules (regex, deny and allow lists) and the phone regions patterns read.
import { z } from 'zod';
import { id, MAX_NAME, MAX_REGIONS, MAX_TEXT } from './fields.ts';

export const PatternRule = z.object({
  id,
  kind: z.enum(['regex', 'deny', 'allow']),
  label: z.string().max(MAX_NAME),
  pattern: z.string().min(1).max(MAX_TEXT),
  flags: z.string().max(16),
  enabled: z.boolean(),
});
export type PatternRule = z.infer<typeof PatternRule>;

/** Regions whose national formats phone numbers are read in, most likely first (ISO 3166 alpha-2). */
export const PhoneRegions = z.object({
  regions: z
    .array(z.string().regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code such as US'))
    .min(1)
    .max(MAX_REGIONS),
});
export type PhoneRegions = z.infer<typeof PhoneRegions>;
