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

export const SessionResponse = z.object({
  user: Me,
  csrfToken: z.string(),
  /** /api/auth/me only: whether the account has a confirmed authenticator. */
  twoFactorEnabled: z.boolean().optional(),
  /** Present (true) when the role requires a second factor not yet set up: only enrolment works. */
  twoFactorEnrolmentRequired: z.literal(true).optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Step one of signing in to an account with a second factor: no session yet, a challenge instead. */
export const TwoFactorChallenge = z.object({
  twoFactorRequired: z.literal(true),
  challenge: z.string(),
  /** ISO time; after it the user must enter the password again. */
  expiresAt: z.string(),
});
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>;

export const LoginResponse = z.union([SessionResponse, TwoFactorChallenge]);

/** Step two: the challenge and either the authenticator's code or one recovery code. */
export const SecondFactorBody = z
  .object({
    challenge: z.string().min(1).max(100),
    token: z.string().min(1).max(20).optional(),
    recoveryCode: z.string().min(1).max(40).optional(),
  })
  .strict()
  .refine((b) => (b.token === undefined) !== (b.recoveryCode === undefined), {
    message: '请填写动态验证码或恢复码（二选一）\u241Egive either token or recoveryCode, not both',
    path: ['token'],
  });

export const TwoFactorSetupResponse = z.object({
  /** Base32 secret for typing into an authenticator by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** PNG QR code of otpauthUri as a data: URL, for an <img src>. */
  qrDataUrl: z.string(),
});

export const TwoFactorConfirmBody = z.object({ token: z.string().min(1).max(20) }).strict();
export const TwoFactorConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demo: z.boolean(),
  migrations: z.number().int(),
});
