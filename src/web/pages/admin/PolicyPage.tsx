import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { diffPolicy, listPolicies } from '../../api/admin.ts';
import { getPolicy, type EffectivePolicy } from '../../api/policy.ts';
import { ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { PolicyDiffView, useValueText } from './PolicyDiffView.tsx';
import '../matters/matters.css';

type Item = {
  id: string;
  labelZh: string;
  labelEn: string;
  clause: string;
  effectWhenFailed?: 'refuse' | 'mitigate';
  requiresPreRegistration?: boolean;
};

function ItemTable({ title, items }: { title: string; items: Item[] }) {
  const { t, i18n } = useTranslation('admin');
  const en = i18n.language === 'en';
  const columns: TableColumnsType<Item> = [
    { key: 'id', title: 'ID', dataIndex: 'id', width: 64 },
    {
      key: 'label',
      title: title,
      render: (_, x) => (
        <>
          {en ? x.labelEn : x.labelZh}{' '}
          {x.effectWhenFailed ? (
            <Tag className="rc-mstatus rc-mstatus-idle">
              {t(x.effectWhenFailed === 'refuse' ? 'policies.effectRefuse' : 'policies.effectMitigate')}
            </Tag>
          ) : null}
          {x.requiresPreRegistration ? (
            <Tag className="rc-mstatus rc-mstatus-waiting">{t('policies.needsPreRegistration')}</Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'clause',
      title: t('policies.clause'),
      render: (_, x) => <span className="rc-item-meta">{x.clause}</span>,
    },
  ];
  return (
    <Card size="small" title={<h2 className="rc-card-title">{title}</h2>} className="rc-section">
      <ScrollRegion label={title}>
        <Table<Item> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} />
      </ScrollRegion>
    </Card>
  );
}

function Settings({ policy }: { policy: EffectivePolicy }) {
  const { t, i18n } = useTranslation(['admin', 'matters']);
  const text = useValueText();
  const pct = (f: number) => `${Math.round(f * 1000) / 10}%`;
  return (
    <Card
      size="small"
      title={
        <h2 className="rc-card-title">
          {t('policies.timeLimits')} · {t('policies.settings')}
        </h2>
      }
      className="rc-section"
    >
      <dl className="rc-kv">
        {Object.entries(policy.timeLimits).map(([key, rule]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{t(`policies.limits.${key as 'acceptance'}`, { defaultValue: key })}</dt>
            <dd>{text(rule)}</dd>
          </div>
        ))}
        <dt>{t('policies.decidingBody')}</dt>
        <dd>{t(`policies.bodies.${policy.decidingBody}`)}</dd>
        <dt />
        <dd>
          {t('policies.quorum', {
            present: pct(policy.quorum.minPresentFraction),
            pass: pct(policy.quorum.passFraction),
            base: t(`policies.quorumBase.${policy.quorum.passBase}`),
          })}
        </dd>
        <dt>{t('policies.higherApproval')}</dt>
        <dd>{text(policy.higherLevelApprovalRequired)}</dd>
        <dt />
        <dd>
          {t('policies.publicity', {
            outcomes:
              policy.publicity.publishOutcomes.map((o) => t(`matters:outcome.${o}`)).join('、') || '—',
          })}
        </dd>
        <dt>{t('policies.appeals')}</dt>
        <dd>
          <ul className="rc-plain-list">
            {policy.appeals.map((a) => (
              <li key={a.type}>
                {i18n.language === 'en' ? a.labelEn : a.labelZh}：
                {a.stages
                  .map((s) => `${i18n.language === 'en' ? s.labelEn : s.labelZh}（${text(s.filingWindow)}）`)
                  .join(' → ')}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </Card>
  );
}

/** One policy version with inheritance applied, and — on request — what changed from another version. */
export default function PolicyPage() {
  const { t, i18n } = useTranslation('admin');
  const { id = '', version = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const compare = params.get('compare');
  const policy = useApi((signal) => getPolicy(id, version, signal), [id, version]);
  const versions = useApi((signal) => listPolicies(signal), []);
  const diff = useApi(
    (signal) => (compare ? diffPolicy(id, compare, version, signal) : Promise.resolve(null)),
    [id, version, compare],
  );
  const en = i18n.language === 'en';
  const back = (
    <Link to="/policies" className="rc-back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {t('policies.title')}
    </Link>
  );
  if (policy.error && !policy.data) {
    return (
      <>
        <PageTitle title={t('policies.title')} before={back} />
        <ErrorState error={policy.error} onRetry={policy.reload} />
      </>
    );
  }
  if (!policy.data) return <PageLoading />;
  const p = policy.data;
  const others = (versions.data?.items ?? []).filter((x) => x.id === id && x.version !== version);
  return (
    <>
      <PageTitle title={en ? p.title.en : p.title.zh} before={back} />
      <p className="rc-item-meta">
        {en ? p.issuedBy.en : p.issuedBy.zh} · {t('policies.version')}{' '}
        {formatLocalDate(p.version, i18n.language)} · {p.jurisdiction ?? t('policies.national')}
        {p.lineage.length > 1
          ? ` · ${t('policies.parent')} ${p.lineage
              .slice(0, -1)
              .map((l) => `${l.id} ${l.version}`)
              .join(' → ')}`
          : ''}
      </p>
      {others.length > 0 ? (
        <Card
          size="small"
          className="rc-section"
          title={
            <h2 className="rc-card-title">
              {t('policies.diffTitle', { from: compare ?? '…', to: version })}
            </h2>
          }
        >
          <Form.Item label={t('policies.compare')} htmlFor="policy-compare">
            <Select
              id="policy-compare"
              allowClear
              value={compare ?? undefined}
              onChange={(from?: string) =>
                setParams(from ? new URLSearchParams({ compare: from }) : new URLSearchParams())
              }
              options={others.map((x) => ({
                value: x.version,
                label: formatLocalDate(x.version, i18n.language),
              }))}
            />
          </Form.Item>
          {diff.error ? <ErrorAlert error={diff.error} onRetry={diff.reload} /> : null}
          {diff.data ? <PolicyDiffView diff={diff.data} /> : null}
        </Card>
      ) : null}
      <ItemTable title={t('policies.gates')} items={p.gates} />
      <ItemTable title={t('policies.situations')} items={p.situations} />
      <ItemTable title={t('policies.exclusions')} items={p.exclusions} />
      <ItemTable title={t('policies.mitigating')} items={p.mitigating} />
      <ItemTable title={t('policies.aggravating')} items={p.aggravating} />
      <Settings policy={p} />
    </>
  );
}
