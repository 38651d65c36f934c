import '../../i18n/work.ts';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeDeadline,
  listCalendarYears,
  type CalendarYearList,
  type DeadlineAnswer,
  type DeadlineUnit,
} from '../../api/admin.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { beijingToday, formatLocalDate } from '../../format/localDate.ts';
import { YearDialog } from './YearDialog.tsx';
import '../matters/matters.css';

type Year = CalendarYearList['items'][number];
const UNITS: DeadlineUnit[] = ['working_days', 'calendar_days', 'months'];

/** 期限计算器: the due date of a time limit counted from an event, by the calendar the server uses. */
function Calculator() {
  const { t, i18n } = useTranslation('admin');
  const errorText = useErrorText();
  const [values, setValues] = useState<{ from: string; amount: number; unit: DeadlineUnit }>({
    from: beijingToday(),
    amount: 5,
    unit: 'working_days',
  });
  const [answer, setAnswer] = useState<DeadlineAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = () => {
    setError(null);
    computeDeadline(values).then(setAnswer, (failure: unknown) => {
      setAnswer(null);
      setError(failure);
    });
  };
  return (
    <Card
      size="small"
      title={<h2 className="rc-card-title">{t('calendar.calculator')}</h2>}
      className="rc-section"
    >
      <Form layout="vertical" className="rc-filters" onFinish={run}>
        <div className="rc-filter-fields">
          <Form.Item label={t('calendar.from')} htmlFor="calc-from">
            <Input
              id="calc-from"
              type="date"
              value={values.from}
              onChange={(e) => setValues({ ...values, from: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('calendar.amount')} htmlFor="calc-amount">
            <InputNumber
              id="calc-amount"
              min={0}
              max={3650}
              precision={0}
              value={values.amount}
              onChange={(amount) => setValues({ ...values, amount: amount ?? 0 })}
            />
          </Form.Item>
          <Form.Item label={t('calendar.unit')} htmlFor="calc-unit">
            <Select<DeadlineUnit>
              id="calc-unit"
              value={values.unit}
              onChange={(unit) => setValues({ ...values, unit })}
              options={UNITS.map((value) => ({ value, label: t(`policies.unit.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit">
              {t('calendar.compute')}
            </Button>
          </Form.Item>
        </div>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} /> : null}
      {answer ? (
        <p aria-live="polite" data-testid="deadline-answer">
          <strong>{t('calendar.due', { date: formatLocalDate(answer.dueDate, i18n.language) })}</strong>
          {answer.uncertain ? (
            <span className="rc-deadline-soon">
              {' '}
              · {t('calendar.uncertain', { years: answer.missingYears.join('、') })}
            </span>
          ) : null}
        </p>
      ) : null}
    </Card>
  );
}

/** 工作日历: which years have an official or entered schedule, entering one, and the calculator. */
export default function CalendarPage() {
  const { t } = useTranslation('admin');
  const years = useApi((signal) => listCalendarYears(signal), []);
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const columns: TableColumnsType<Year> = [
    { key: 'year', title: t('calendar.year'), dataIndex: 'year' },
    {
      key: 'source',
      title: t('calendar.source'),
      render: (_, y) => (
        <Tag className={`rc-mstatus ${y.source === 'official' ? 'rc-mstatus-done' : 'rc-mstatus-waiting'}`}>
          {t(`calendar.${y.source}`)}
        </Tag>
      ),
    },
    { key: 'holidays', title: t('calendar.holidayDays'), dataIndex: 'holidayDays', align: 'right' },
    { key: 'makeup', title: t('calendar.makeupWorkdays'), dataIndex: 'makeupWorkdays', align: 'right' },
    {
      key: 'by',
      title: t('calendar.enteredBy'),
      render: (_, y) => (y.enteredBy ? `${y.enteredBy} · ${formatDateTime(y.updatedAt)}` : '—'),
    },
    {
      key: 'edit',
      title: '',
      render: (_, y) => (
        <Button
          size="small"
          onClick={() => setEditing(y.year)}
          aria-label={`${t('calendar.edit')} ${y.year}`}
        >
          {t('calendar.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title={t('calendar.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('calendar.add')}
          </Button>
        }
      />
      <p className="rc-field-help">{t('calendar.intro')}</p>
      <Calculator />
      <Card size="small" className="rc-list-card">
        {years.error && !years.data ? (
          <ErrorState error={years.error} onRetry={years.reload} />
        ) : (
          <Table<Year>
            rowKey="year"
            size="small"
            columns={columns}
            dataSource={years.data?.items ?? []}
            loading={years.loading}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="calendar-years"
          />
        )}
      </Card>
      {editing !== undefined ? (
        <YearDialog
          year={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            years.reload();
          }}
        />
      ) : null}
    </>
  );
}
