import { useEffect, useState } from 'react';
import { getMatter } from '../../api/matters.ts';
import type { MatterDetail } from '../../api/matterTypes.ts';
import { useApi } from '../../components/useApi.ts';

/** The matter as loaded, replaced by the answer of each step taken (so the page never reloads). */
export function useMatter(id: string) {
  const loaded = useApi((signal) => getMatter(id, signal), [id]);
  const [current, setCurrent] = useState<MatterDetail | undefined>(undefined);
  useEffect(() => setCurrent(loaded.data), [loaded.data]);
  return { ...loaded, data: current, setData: setCurrent };
}
