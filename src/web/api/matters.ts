import { ApiError, apiRequest } from './client.ts';
import { apiDownload, apiUpload, type UploadOptions } from './transfer.ts';
import type {
  ActionBodies,
  ActionName,
  InboxQuery,
  MatterDetail,
  MatterList,
  OpenMatterBody,
  VerifyResult,
} from './matterTypes.ts';

/** One function per matter endpoint, so pages never build URLs by hand. */

const matterPath = (id: string) => `/api/matters/${encodeURIComponent(id)}`;

export const listMatters = (query: InboxQuery, signal?: AbortSignal) =>
  apiRequest<MatterList>('/api/matters', { query, signal });

export const getMatter = (id: string, signal?: AbortSignal) =>
  apiRequest<MatterDetail>(matterPath(id), { signal });

/**
 * Opens a matter. The idempotency key is made once per form submission by the caller and reused on
 * a retry, so a double click or a lost answer never opens two matters.
 */
export const openMatter = (body: OpenMatterBody, idempotencyKey: string) =>
  apiRequest<{ id: string; number: string }>('/api/matters', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** Runs one procedure step; the answer is the matter as it now stands. */
export const performAction = <A extends ActionName>(id: string, action: A, body: ActionBodies[A]) =>
  apiRequest<MatterDetail>(`${matterPath(id)}/actions/${action}`, { method: 'POST', body });

export type EvidenceFields = { description?: string; visibility?: 'internal' | 'parties' };

/** Uploads one evidence file (multipart `file`, then the optional fields). */
export const uploadEvidence = (
  id: string,
  file: File,
  fields: EvidenceFields,
  options: Omit<UploadOptions, 'query'> = {},
) => {
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  if (fields.description) form.append('description', fields.description);
  if (fields.visibility) form.append('visibility', fields.visibility);
  form.append('file', file, file.name);
  return apiUpload<{ matter: MatterDetail }>(`${matterPath(id)}/evidence`, form, options);
};

export const downloadMatterFile = (matterId: string, fileId: string, fallbackName: string) =>
  apiDownload(`${matterPath(matterId)}/files/${encodeURIComponent(fileId)}`, undefined, fallbackName);

export type DocumentFormat = 'pdf' | 'docx';

export const downloadDocument = (id: string, format: DocumentFormat, fallbackName: string) =>
  apiDownload(`/api/documents/${encodeURIComponent(id)}.${format}`, undefined, fallbackName);

/** Public: no session needed. */
export const verifyCode = (code: string, signal?: AbortSignal) =>
  apiRequest<VerifyResult>('/api/verify', { query: { code }, signal });

/** Public: checks an uploaded .pdf/.docx against the documents issued. */
export const verifyFile = (file: File, options: Omit<UploadOptions, 'query'> = {}) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<VerifyResult>('/api/verify', form, options);
};

/** A member of the body that decides a matter, and why they must recuse (null: unrelated). */
export type BodyMember = { userId: string; name: string; recusalReason: string | null };

/**
 * The deciding body's members for a matter (who may be marked present, or put on a review panel).
 * Proposed endpoint, not yet on the server: GET /api/matters/:id/committee → { items: BodyMember[] }
 * (usecases/tolerance/steps/committee.ts `bodyMembers` computes exactly this). Resolves to null
 * while the server does not have it, so the form can say why it cannot be used.
 */
export async function listBodyMembers(id: string, signal?: AbortSignal): Promise<BodyMember[] | null> {
  try {
    const answer = await apiRequest<{ items: BodyMember[] }>(`${matterPath(id)}/committee`, { signal });
    return answer.items;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
