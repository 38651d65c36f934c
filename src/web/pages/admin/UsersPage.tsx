import '../../i18n/work.ts';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { disableUser, listUsers, revokeRole, type AdminUser } from '../../api/admin.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { CreateUserDialog, GrantRoleDialog, ResetPasswordDialog } from './UserDialogs.tsx';
import '../matters/matters.css';

type Dialog = { kind: 'create' } | { kind: 'grant' | 'reset'; user: AdminUser } | null;

/** 用户与角色: accounts in the administrator's scope, their scoped roles, passwords and status. */
export default function UsersPage() {
  const { t } = useTranslation(['admin', 'roles', 'common']);
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const query = useMemo(
    () => ({
      q: params.get('q') ?? undefined,
      status: (['active', 'disabled'] as const).find((s) => s === params.get('status')),
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 20,
    }),
    [params],
  );
  const list = useApi((signal) => listUsers(query, signal), [params.toString()]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState(query.q ?? '');
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const done = () => {
    setDialog(null);
    list.reload();
  };

  const revoke = (user: AdminUser, grant: AdminUser['roles'][number]) =>
    modal.confirm({
      title: t('users.revokeConfirm', {
        username: user.username,
        role: t(`roles:${grant.role}`),
        jurisdiction: grant.jurisdiction.name,
      }),
      okButtonProps: { danger: true },
      okText: t('users.revoke'),
      cancelText: t('common:cancel'),
      onOk: () =>
        revokeRole(user.id, grant.id).then(
          () => {
            void message.success(t('users.revoked'));
            list.reload();
          },
          (error: unknown) => void message.error(errorText(error)),
        ),
    });
  const disable = (user: AdminUser) =>
    modal.confirm({
      title: t('users.disableConfirm', { username: user.username }),
      okButtonProps: { danger: true },
      okText: t('users.disable'),
      cancelText: t('common:cancel'),
      onOk: () =>
        disableUser(user.id).then(
          () => {
            void message.success(t('users.disabledDone', { username: user.username }));
            list.reload();
          },
          (error: unknown) => void message.error(errorText(error)),
        ),
    });

  const columns: TableColumnsType<AdminUser> = [
    {
      key: 'username',
      title: t('users.username'),
      render: (_, u) => <span className="rc-mono">{u.username}</span>,
    },
    {
      key: 'name',
      title: t('users.displayName'),
      render: (_, u) => (
        <>
          {u.displayName}
          {u.cadre ? (
            <div className="rc-item-meta">
              {t('users.cadre')}：{u.cadre.name}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((g) => (
            <Tag key={g.id} className="rc-mstatus rc-mstatus-intake">
              {t(`roles:${g.role}`)} · {g.jurisdiction.name}
              {g.unit ? ` · ${g.unit.name}` : ''}
              {u.status === 'active' ? (
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={`${t('users.revoke')} ${t(`roles:${g.role}`)} · ${g.jurisdiction.name}`}
                  onClick={() => revoke(u, g)}
                />
              ) : null}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) => (
        <>
          <Tag className={`rc-mstatus ${u.status === 'active' ? 'rc-mstatus-done' : 'rc-mstatus-idle'}`}>
            {t(`users.${u.status}`)}
          </Tag>
          {u.lockedUntil ? (
            <div className="rc-item-meta">{t('users.locked', { time: formatDateTime(u.lockedUntil) })}</div>
          ) : null}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('users.actions'),
      render: (_, u) =>
        u.status === 'active' ? (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'grant', user: u })}>
              {t('users.grant')}
            </Button>
            <Button size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
              {t('users.resetPassword')}
            </Button>
            <Button size="small" danger onClick={() => disable(u)}>
              {t('users.disable')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card size="small" className="rc-filter-card">
        <Form layout="vertical" className="rc-filters" role="search" aria-label={t('users.search')}>
          <div className="rc-filter-fields">
            <Form.Item label={t('users.search')} htmlFor="users-q">
              <Input.Search
                id="users-q"
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => set({ q: v.trim() || undefined })}
                placeholder={t('users.searchPlaceholder')}
                allowClear
              />
            </Form.Item>
            <Form.Item label={t('users.status')} htmlFor="users-status">
              <Select
                id="users-status"
                allowClear
                value={query.status}
                onChange={(status?: string) => set({ status })}
                options={(['active', 'disabled'] as const).map((value) => ({
                  value,
                  label: t(`users.${value}`),
                }))}
              />
            </Form.Item>
          </div>
        </Form>
      </Card>
      <Card size="small" className="rc-list-card">
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<AdminUser>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={{ x: 960 }}
            locale={{ emptyText: <EmptyState description={t('users.empty')} /> }}
            data-testid="users-table"
            pagination={
              list.data && list.data.total > list.data.pageSize
                ? {
                    current: list.data.page,
                    pageSize: list.data.pageSize,
                    total: list.data.total,
                    onChange: (page) => set({ page: String(page) }),
                    showTotal: (total) => t('users.total', { count: total }),
                  }
                : false
            }
          />
        )}
      </Card>
      {dialog?.kind === 'create' ? <CreateUserDialog onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog?.kind === 'grant' ? (
        <GrantRoleDialog user={dialog.user} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </>
  );
}
