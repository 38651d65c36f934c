import { describe, expect, it } from 'vitest';
import { ColumnBatch, copyText } from './bulk.ts';

describe('copyText', () => {
  it('writes COPY text format: tabs between cells, \\N for null, and escapes what COPY would misread', () => {
    const batch = new ColumnBatch([['a', 'text'], ['b', 'jsonb'], ['c', 'boolean'], ['d', 'timestamptz']]);
    batch.push('容错\t纠错', '{"note":"line\\nbreak \\\\ \\"q\\""}', true, new Date('2026-01-02T03:04:05.000Z'));
    batch.push(null, 'a\rb\nc\\N', false, null);
    expect(copyText(batch)).toBe(
      '容错\\t纠错\t{"note":"line\\\\nbreak \\\\\\\\ \\\\"q\\\\""}\tt\t2026-01-02T03:04:05.000Z\n' +
        '\\N\ta\\rb\\nc\\\\N\tf\t\\N\n',
    );
  });
});
