import { Tag } from 'antd';
import type { Bilingual } from '../../../api/matterTypes.ts';
import { useBilingual } from '../../matters/labels.tsx';
import type { StatusTone } from '../types.ts';

/** The matter's status as the server names it, coloured by the procedure's tone for it. */
export function ProcedureStatusTag({
  status,
  label,
  tones,
}: {
  status: string;
  label: Bilingual;
  tones: Readonly<Record<string, StatusTone>>;
}) {
  const pick = useBilingual();
  return (
    <Tag className={`rc-mstatus rc-mstatus-${tones[status] ?? 'idle'}`} data-testid="procedure-status">
      {pick(label)}
    </Tag>
  );
}
