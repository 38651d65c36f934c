import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  AdminUser,
  AdminUserList,
  AdminUserQuery,
  AssignmentParams,
  CreatedUnit,
  CreateUnitBody,
  CreateUserBody,
  ResetPasswordBody,
  RoleGrantBody,
} from '../../contracts/admin.ts';
import { listUsers, type AdminUserRow } from '../../db/queries/admin.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { requireAdminScope, userInScope } from '../../usecases/admin/scope.ts';
import { createUser } from '../../usecases/admin/create-user.ts';
import { grantRole } from '../../usecases/admin/grant-role.ts';
import { revokeRole } from '../../usecases/admin/revoke-role.ts';
import { disableAccount, resetUserPassword } from '../../usecases/admin/account-status.ts';
import { createUnit } from '../../usecases/admin/create-unit.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

function presentUser(u: AdminUserRow): AdminUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    status: u.status,
    cadre: u.cadre_id ? { id: u.cadre_id, name: u.cadre_name ?? '' } : null,
    roles: u.roles.map((r) => ({
      id: r.id,
      role: r.role,
      roleLabel: ROLE_LABELS[r.role],
      jurisdiction: { id: r.jurisdiction_id, code: r.code, name: r.name, level: r.level },
      unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
      createdAt: r.created_at.toISOString(),
    })),
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  };
}

const Done = z.object({ ok: z.literal(true) });

/** 系统管理: accounts, scoped roles and units, within the administrator's jurisdiction. */
export function adminRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const reload = async (admin: Parameters<typeof requireAdminScope>[0], id: string) =>
    presentUser(await userInScope(deps.db, requireAdminScope(admin), id));

  api.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: '账号列表 / Accounts',
        querystring: AdminUserQuery,
        response: { 200: AdminUserList, ...errorResponses },
      },
    },
    async (request) => {
      const scope = requireAdminScope(requireUser(request));
      const { page, pageSize, ...filters } = request.query;
      const { rows, total } = await listUsers(deps.db, scope, filters, { page, pageSize });
      return { items: rows.map(presentUser), total, page, pageSize };
    },
  );

  api.get(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: '账号详情 / Account',
        params: IdParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (request) => reload(requireUser(request), request.params.id),
  );

  api.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: '创建账号 / Create an account',
        body: CreateUserBody,
        response: { 201: AdminUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      const { id } = await createUser(deps, admin, request.body);
      return reply.code(201).send(await reload(admin, id));
    },
  );

  api.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码 / Reset the password',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: Done, ...errorResponses },
      },
    },
    async (request) => {
      await resetUserPassword(deps, requireUser(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/admin/users/:id/disable',
    {
      schema: {
        tags,
        summary: '停用账号 / Disable the account',
        params: IdParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      await disableAccount(deps, admin, request.params.id);
      return reload(admin, request.params.id);
    },
  );

  api.post(
    '/api/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: '授予角色 / Grant a role',
        params: IdParams,
        body: RoleGrantBody,
        response: { 201: AdminUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      await grantRole(deps, admin, request.params.id, request.body);
      return reply.code(201).send(await reload(admin, request.params.id));
    },
  );

  api.delete(
    '/api/admin/users/:id/roles/:assignmentId',
    // Answers { ok } rather than the account: its last grant in the admin's scope may have been the one revoked.
    {
      schema: {
        tags,
        summary: '撤销角色 / Revoke a role',
        params: AssignmentParams,
        response: { 200: Done, ...errorResponses },
      },
    },
    async (request) => {
      await revokeRole(deps, requireUser(request), request.params.id, request.params.assignmentId);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/admin/units',
    {
      schema: {
        tags,
        summary: '新增单位 / Create a unit',
        body: CreateUnitBody,
        response: { 201: CreatedUnit, ...errorResponses },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(deps, requireUser(request), request.body);
      return reply.code(201).send({
        id: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        jurisdictionId: unit.jurisdiction_id,
        jurisdictionName: unit.jurisdiction_name,
        parentId: unit.parent_id,
        cadreCount: 0,
      });
    },
  );
}
