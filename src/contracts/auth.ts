import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { Text } from './common.ts';

export const LoginBody = z.object({
  username: Text(64).min(1),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  cadreId: z.uuid().nullable(),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      jurisdiction: z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: z.string() }),
      unitId: z.uuid().nullable(),
    }),
  ),
  demo: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demo: z.boolean(),
  migrations: z.number().int(),
});
