/** Shapes shared by every endpoint (server and web). */
import { z } from 'zod';

export const ErrorBody = z.object({
  code: z.string().describe('stable error code, e.g. auth.invalid_credentials'),
  message: z.string().describe('Chinese message'),
  messageEn: z.string().describe('English message'),
  field: z.string().optional().describe('the input field that is wrong'),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });

/** No NUL or other C0 controls except tab/newline: PostgreSQL text refuses NUL, and they never belong in form fields. */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    // Lone surrogates are not valid Unicode: PostgreSQL would refuse them deep inside a write.
    .refine((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s), { message: '包含无效的 Unicode 字符\u241Econtains invalid Unicode' })
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: '包含控制字符\u241Econtains control characters',
    });

export const Page = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;
