import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCadres } from '../../api/endpoints.ts';
import type { CadreListItem } from '../../api/types.ts';
import { useErrorText } from '../../components/errorText.ts';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only cadres of this unit (the unit leader's own). */
  unitId?: string | undefined;
  onUnavailable?: (reason: string | null) => void;
};

/** Finds a cadre in the roster by name, post or unit (server-side search, as the user types). */
export function CadrePicker({ id, value, onChange, unitId, onUnavailable }: Props) {
  const { t } = useTranslation('matters');
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [items, setItems] = useState<CadreListItem[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      listCadres(
        { q: text.trim() || undefined, unitId, status: 'in_office', page: 1, pageSize: 20 },
        controller.signal,
      )
        .then((page) => {
          setItems(page.items);
          onUnavailable?.(null);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setItems([]);
          onUnavailable?.(errorText(error));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => controller.abort();
    // errorText and onUnavailable are stable in effect; the search depends on the text and unit.
  }, [text, unitId]);

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      placeholder={t('new.cadrePlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('new.cadreNone')}
      options={items.map((c) => ({ value: c.id, label: `${c.name} · ${c.position} · ${c.unit.name}` }))}
      data-testid="cadre-picker"
    />
  );
}
