import { Input, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../api/types.ts';
import { EmptyState } from '../../components/PageStates.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { columnLabel, filterImportErrors } from './importReport.ts';

/** 逐行错误: the per-row, per-column problems of an import, filterable, as a table or phone cards. */
export function ImportErrors({ errors }: { errors: readonly ImportRowError[] }) {
  const { t, i18n } = useTranslation('import');
  const isPhone = useIsPhone();
  const [column, setColumn] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const shown = useMemo(() => filterImportErrors(errors, column, text), [errors, column, text]);
  const english = i18n.language === 'en';

  const columnOptions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const error of errors) counts.set(error.column, (counts.get(error.column) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, label: `${value} (${count})` }));
  }, [errors]);

  const columns: TableProps<ImportRowError>['columns'] = [
    {
      key: 'row',
      title: t('errors.row'),
      dataIndex: 'row',
      width: 80,
      sorter: (a, b) => a.row - b.row,
      defaultSortOrder: 'ascend',
    },
    { key: 'column', title: t('errors.column'), render: (_, e) => columnLabel(e), width: 160 },
    {
      key: 'value',
      title: t('errors.value'),
      render: (_, e) => <span className="rc-cell-value">{e.value || t('errors.emptyValue')}</span>,
      width: 220,
    },
    { key: 'problem', title: t('errors.problem'), render: (_, e) => (english ? e.messageEn : e.messageZh) },
  ];

  const empty = <EmptyState description={t('errors.noMatch')} />;
  return (
    <section aria-labelledby="import-errors-title" className="rc-import-errors" data-testid="import-errors">
      <h3 id="import-errors-title" className="rc-section-title">
        {t('errors.title', { count: errors.length })}
      </h3>
      <div className="rc-error-filters">
        <Select
          aria-label={t('errors.filterColumn')}
          placeholder={t('errors.allColumns')}
          value={column}
          onChange={setColumn}
          allowClear
          options={columnOptions}
          className="rc-error-filter-column"
        />
        <Input.Search
          aria-label={t('errors.filterText')}
          placeholder={t('errors.filterText')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          allowClear
          className="rc-error-filter-text"
        />
      </div>
      {isPhone ? (
        shown.length === 0 ? (
          empty
        ) : (
          <ul className="rc-card-list rc-error-cards">
            {shown
              .slice()
              .sort((a, b) => a.row - b.row)
              .slice(0, 200)
              .map((error, index) => (
                <li key={`${error.row}:${error.column}:${index}`} className="rc-error-card">
                  <div className="rc-error-card-head">
                    {t('errors.rowN', { row: error.row })} · {columnLabel(error)}
                  </div>
                  <div className="rc-error-card-problem">{english ? error.messageEn : error.messageZh}</div>
                  <div className="rc-muted">
                    <span className="rc-inline-label">{t('errors.value')}</span>
                    <span className="rc-cell-value">{error.value || t('errors.emptyValue')}</span>
                  </div>
                </li>
              ))}
            {shown.length > 200 ? (
              <li className="rc-muted">{t('errors.truncated', { count: shown.length - 200 })}</li>
            ) : null}
          </ul>
        )
      ) : (
        <Table<ImportRowError>
          rowKey={(e) => `${e.row}:${e.column}:${e.code}:${e.value}`}
          columns={columns}
          dataSource={shown}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          data-testid="import-error-table"
        />
      )}
    </section>
  );
}
