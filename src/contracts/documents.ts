/** Shapes of the document download and public verification endpoints (shared by server and web). */
import { z } from 'zod';

export const DocumentFileParams = z.object({ id: z.uuid() });

export const VerifyQuery = z.object({
  /** As printed: 'XXXX-XXXX-XXXX-XXXX'; case, spaces and hyphens do not matter. */
  code: z.string().min(1).max(64),
});

export const VerificationAnswer = z.object({
  valid: z.boolean(),
  status: z.enum(['valid', 'unknown', 'content_changed', 'signature_invalid', 'unreadable']),
  document: z
    .object({
      kind: z.string(),
      number: z.string(),
      /** The title with the cadre's name masked (关于张某同志…). */
      title: z.string(),
      issuedAt: z.string(),
      issuer: z.string(),
      /** SM3 of the signed canonical content, hex. */
      digest: z.string(),
    })
    .optional(),
});
export type VerificationAnswer = z.infer<typeof VerificationAnswer>;
