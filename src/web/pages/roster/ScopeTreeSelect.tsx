import { TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listJurisdictions, listUnits } from '../../api/endpoints.ts';
import type { Jurisdiction, Unit } from '../../api/types.ts';
import { buildScopeTree, groupUnits, parseScopeKey, scopeKeyOf, type ScopeValue } from './scopeTree.ts';

// Up to this many jurisdictions (a county and its townships) all units are loaded in one request;
// above it (a city or province) each jurisdiction's units load when it is expanded.
const EAGER_LIMIT = 50;

type Props = {
  id?: string;
  value: ScopeValue;
  onChange: (value: ScopeValue) => void;
};

/** 单位 filter: a searchable tree of the user's jurisdictions and their units. */
export function ScopeTreeSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation('roster');
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [units, setUnits] = useState<Map<string, Unit[]>>(new Map());
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const { items } = await listJurisdictions(controller.signal);
      setJurisdictions(items);
      if (items.length <= EAGER_LIMIT) {
        const all = await listUnits(undefined, controller.signal);
        const grouped = groupUnits(all.items);
        // Mark every jurisdiction as loaded, even those without units.
        for (const j of items) if (!grouped.has(j.id)) grouped.set(j.id, []);
        setUnits(grouped);
      }
    })().then(
      () => setLoading(false),
      () => {
        if (controller.signal.aborted) return;
        setFailed(true);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, []);

  const loadData = useCallback(
    async (node: { value?: unknown }) => {
      const { jurisdictionId } = parseScopeKey(typeof node.value === 'string' ? node.value : undefined);
      if (!jurisdictionId || units.has(jurisdictionId)) return;
      const { items } = await listUnits(jurisdictionId);
      setUnits((previous) => new Map(previous).set(jurisdictionId, items));
    },
    [units],
  );

  const treeData = useMemo(() => buildScopeTree(jurisdictions, units), [jurisdictions, units]);
  const rootKeys = useMemo(() => treeData.map((node) => node.value), [treeData]);

  return (
    <TreeSelect
      id={id}
      value={scopeKeyOf(value)}
      onChange={(key: string | undefined) => onChange(parseScopeKey(key))}
      treeData={treeData}
      loadData={loadData}
      loading={loading}
      status={failed ? 'error' : undefined}
      placeholder={failed ? t('filters.unitsFailed') : t('filters.unitPlaceholder')}
      notFoundContent={t('filters.noUnits')}
      showSearch={{ treeNodeFilterProp: 'searchText' }}
      treeNodeLabelProp="title"
      allowClear
      treeDefaultExpandedKeys={rootKeys}
      key={rootKeys.join()} // re-apply the default expansion once the tree has arrived
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxWidth: 'calc(100vw - 24px)' } } }}
      className="rc-fill"
    />
  );
}
