/**
 * The demo is loaded at whatever hour `npm start` first runs. Between 00:00 and 08:00 Beijing time
 * the UTC date is the day before, so a loader that places its steps on the UTC day records visits
 * and receipts "in the future" and refuses to load. Load it at both ends of the Beijing day.
 */
import { expect, it } from 'vitest';
import { createTestPlatform } from '../support/platform.ts';

it.each(['2026-11-28T00:50:00+08:00', '2026-11-28T07:59:00+08:00', '2026-11-28T23:50:00+08:00'])(
  'loads the K County demo with matters at %s',
  async (now) => {
    const platform = await createTestPlatform('pglite', { seed: 'with-matters', now });
    try {
      const types = await platform.deps.db.selectFrom('matters').select('type').distinct().execute();
      expect(types.map((t) => t.type).sort()).toEqual(
        expect.arrayContaining(['correction', 'follow_up', 'name_clearing', 'pre_registration', 'tolerance']),
      );
    } finally {
      await platform.close();
    }
  },
  300_000,
);
