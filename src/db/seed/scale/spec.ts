/**
 * How big each synthetic world is (DESIGN §4 "Storage and scale"): a county ≈ 5,000 cadres; a
 * province ≈ 100 counties; the whole country = 2,844 county-level units in 31 provinces and ~330
 * cities with 3 million cadres, ~1 million matters over 10 years and ~10 million audit events.
 *
 * DESIGN gives a county 5,000 cadres but the country only 3 million (≈1,055 per county), so the
 * county scale uses 5,000 and the wider scales spread the national totals; every scale gives a
 * county the same ≈352 matters over ten years, so "one county" looks the same at every scale.
 */

export type ScaleName = 'county' | 'province' | 'national';

export type ScaleSpec = {
  name: string;
  provinces: number;
  cities: number;
  counties: number;
  townshipsPerCounty: number;
  /** Villages (村民委员会) under each township. */
  villagesPerTownship: number;
  /** Average cadres per county. */
  cadresPerCounty: number;
  /** Cadres of the first county ("the bench county"): the same at every scale, so it compares. */
  firstCountyCadres: number;
  /** Average matters per county over the whole history (the first county gets exactly this many). */
  mattersPerCounty: number;
  /** Years of history that end at `now`. */
  years: number;
};

const NATIONAL_MATTERS_PER_COUNTY = Math.round(1_000_000 / 2844);

export const SCALES: Record<ScaleName, ScaleSpec> = {
  county: {
    name: 'county',
    provinces: 1,
    cities: 1,
    counties: 1,
    townshipsPerCounty: 12,
    villagesPerTownship: 8,
    cadresPerCounty: 5000,
    firstCountyCadres: 5000,
    mattersPerCounty: NATIONAL_MATTERS_PER_COUNTY,
    years: 10,
  },
  province: {
    name: 'province',
    provinces: 1,
    cities: 12,
    counties: 100,
    townshipsPerCounty: 12,
    villagesPerTownship: 8,
    cadresPerCounty: Math.round(3_000_000 / 2844),
    firstCountyCadres: 5000,
    mattersPerCounty: NATIONAL_MATTERS_PER_COUNTY,
    years: 10,
  },
  national: {
    name: 'national',
    provinces: 31,
    cities: 330,
    counties: 2844,
    townshipsPerCounty: 12,
    villagesPerTownship: 8,
    cadresPerCounty: Math.round(3_000_000 / 2844),
    firstCountyCadres: 5000,
    mattersPerCounty: NATIONAL_MATTERS_PER_COUNTY,
    years: 10,
  },
};

/** A variant of a scale (fewer counties, cadres or matters) for quick runs and tests. */
export function variant(spec: ScaleSpec, name: string, overrides: Partial<ScaleSpec>): ScaleSpec {
  const out = { ...spec, name, ...overrides };
  if (out.cities < out.provinces || out.counties < out.cities) throw new Error(`scale ${name}: needs provinces ≤ cities ≤ counties`);
  return out;
}

/** Splits `total` items into `parts` near-equal consecutive groups (the first ones get the remainder). */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts));
}

/**
 * Per-county sizes around an average: the first county gets exactly the average (so it can be
 * compared across scales), the others vary between 0.5× and 1.5× by a deterministic roll.
 */
export function countySize(average: number, countyIndex: number, roll: number): number {
  if (countyIndex === 0) return average;
  return Math.max(1, Math.round(average * (0.5 + roll)));
}
