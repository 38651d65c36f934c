import type { z } from 'zod';
import type {
  AdminUser as AdminUserSchema,
  AdminUserList as AdminUserListSchema,
  CalendarYear as CalendarYearSchema,
  CalendarYearList as CalendarYearListSchema,
  CreateUnitBody as CreateUnitSchema,
  CreateUserBody as CreateUserSchema,
  DeadlineAnswer as DeadlineAnswerSchema,
  PolicyDiff as PolicyDiffSchema,
  PolicyList as PolicyListSchema,
  RoleGrantBody as RoleGrantSchema,
  YearSchedule as YearScheduleSchema,
} from '../../contracts/admin.ts';
import { apiRequest } from './client.ts';

/** Administration and rule data: accounts and roles, units, policies, the working-day calendar. */

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type AdminUserList = z.infer<typeof AdminUserListSchema>;
export type RoleGrantBody = z.infer<typeof RoleGrantSchema>;
export type CreateUserBody = z.infer<typeof CreateUserSchema>;
export type CreateUnitBody = z.input<typeof CreateUnitSchema>;
export type PolicyList = z.infer<typeof PolicyListSchema>;
export type PolicySummary = PolicyList['items'][number];
export type PolicyDiff = z.infer<typeof PolicyDiffSchema>;
export type CalendarYearList = z.infer<typeof CalendarYearListSchema>;
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export type YearSchedule = z.infer<typeof YearScheduleSchema>;
export type DeadlineAnswer = z.infer<typeof DeadlineAnswerSchema>;
export type DeadlineUnit = DeadlineAnswer['rule']['unit'];

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export type UserQuery = {
  q?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  page: number;
  pageSize: number;
};

export const listUsers = (query: UserQuery, signal?: AbortSignal) =>
  apiRequest<AdminUserList>('/api/admin/users', { query, signal });
export const createUser = (body: CreateUserBody) =>
  apiRequest<AdminUser>('/api/admin/users', { method: 'POST', body });
export const resetPassword = (id: string, password: string) =>
  apiRequest<AdminUser>(`${user(id)}/reset-password`, { method: 'POST', body: { password } });
export const disableUser = (id: string) =>
  apiRequest<AdminUser>(`${user(id)}/disable`, { method: 'POST', body: {} });
export const grantRole = (id: string, body: RoleGrantBody) =>
  apiRequest<AdminUser>(`${user(id)}/roles`, { method: 'POST', body });
export const revokeRole = (id: string, assignmentId: string) =>
  apiRequest<{ ok: true }>(`${user(id)}/roles/${encodeURIComponent(assignmentId)}`, { method: 'DELETE' });

export const createUnit = (body: CreateUnitBody) =>
  apiRequest<{ id: string; name: string }>('/api/admin/units', { method: 'POST', body });

export const listPolicies = (signal?: AbortSignal) => apiRequest<PolicyList>('/api/policies', { signal });
export const diffPolicy = (id: string, from: string, to: string, signal?: AbortSignal) =>
  apiRequest<PolicyDiff>(`/api/policies/${encodeURIComponent(id)}/diff`, { query: { from, to }, signal });

export const listCalendarYears = (signal?: AbortSignal) =>
  apiRequest<CalendarYearList>('/api/calendar/years', { signal });
export const getCalendarYear = (year: number, signal?: AbortSignal) =>
  apiRequest<CalendarYear>(`/api/calendar/years/${year}`, { signal });
export const saveCalendarYear = (year: number, schedule: YearSchedule) =>
  apiRequest<CalendarYear>(`/api/calendar/years/${year}`, { method: 'PUT', body: schedule });
export const computeDeadline = (
  query: { from: string; amount: number; unit: DeadlineUnit },
  signal?: AbortSignal,
) => apiRequest<DeadlineAnswer>('/api/calendar/deadline', { query, signal });

export type UnitKind = CreateUnitBody['kind'];
// A Record keeps the runtime list complete when the contract gains a kind (no Zod in the bundle).
const UNIT_KIND_SET: Record<UnitKind, true> = {
  party: true,
  government: true,
  people_congress: true,
  cppcc: true,
  judicial: true,
  mass_org: true,
  institution: true,
  enterprise: true,
  township: true,
  village: true,
  other: true,
};
/** Kinds of unit, in the contract's order. */
export const UNIT_KINDS = Object.keys(UNIT_KIND_SET) as readonly UnitKind[];
