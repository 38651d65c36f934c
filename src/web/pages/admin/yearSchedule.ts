import type { YearSchedule } from '../../api/admin.ts';

/** The year form: dates one per line in text areas. */
export type YearValues = {
  year?: number;
  source?: string;
  holidays: { name?: string; nameEn?: string; days?: string }[];
  makeup?: string;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\s*\n\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's text areas (one date per line) → the schedule the API takes. */
export function toSchedule(values: YearValues): YearSchedule {
  const source = lines(values.source);
  return {
    year: values.year ?? 0,
    ...(source.length ? { source } : {}),
    holidays: values.holidays.map((h) => ({
      name: h.name?.trim() ?? '',
      nameEn: h.nameEn?.trim() ?? '',
      days: lines(h.days),
    })),
    makeupWorkdays: lines(values.makeup),
  };
}

/** A stored schedule as form values. */
export function toValues(schedule: YearSchedule): YearValues {
  return {
    year: schedule.year,
    source: (schedule.source ?? []).join('\n'),
    holidays: schedule.holidays.map((h) => ({ name: h.name, nameEn: h.nameEn, days: h.days.join('\n') })),
    makeup: schedule.makeupWorkdays.join('\n'),
  };
}
