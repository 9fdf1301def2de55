import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

// Which national formats a phone number without a country code is read in. A project lists
// several regions, most likely first: a batch of letters from a European office holds US, British,
// German and French numbers side by side, and one region would miss all but one country's.

/** Read in every project unless the analyst changes the list. */
const WIDELY_USED: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

/** The region of the system's locale ("en-AU" gives AU), when libphonenumber knows it. */
export function localeRegion(locale = Intl.DateTimeFormat().resolvedOptions().locale): CountryCode | undefined {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
  return region && isSupportedCountry(region) ? region : undefined;
}

/** The system locale's region first, then the widely used ones, each once. */
export function defaultPhoneRegions(locale?: string): CountryCode[] {
  const first = localeRegion(locale);
  return [...new Set([...(first ? [first] : []), ...WIDELY_USED])];
}

export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = defaultPhoneRegions();

/** Most regions a project may list: each one adds a parse per candidate that is not international. */
export const MAX_PHONE_REGIONS = 12;
