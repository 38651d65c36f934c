import { describe, expect, it } from 'vitest';
import { SCHEMA_COLUMNS } from '../../db/schema-columns.ts';
import { ENCRYPTED_COLUMNS, columnLabel } from './encrypted-columns.ts';

describe('ENCRYPTED_COLUMNS', () => {
  it('names every *_enc column of the schema, so rotation and backups miss none', () => {
    const inSchema = Object.entries(SCHEMA_COLUMNS).flatMap(([table, columns]) =>
      Object.keys(columns)
        .filter((c) => c.endsWith('_enc'))
        .map((c) => `${table}.${c}`),
    );
    expect(ENCRYPTED_COLUMNS.map(columnLabel).sort()).toEqual(inSchema.sort());
  });

  it('binds each token to its row with a context unique to the column', () => {
    const contexts = ENCRYPTED_COLUMNS.map((c) => c.context('ROW'));
    expect(new Set(contexts).size).toBe(contexts.length);
    for (const c of contexts) expect(c).toMatch(/:ROW$/);
  });
});
