import { apiRequest } from '../../api/client.ts';
import { apiUpload, type UploadOptions } from '../../api/transfer.ts';
import type { EvidenceFields } from '../../api/matters.ts';

/**
 * The endpoints every procedure has, from its config's `api` and `uploadPath` (contracts/correction.ts
 * and contracts/pre-registration.ts describe them): the detail, one POST per step, the upload of the
 * `add_evidence` step, and opening a matter. Lists, file and document downloads are the matters'.
 */
type Endpoints = { api: string; uploadPath: string };

const matterPath = (config: Endpoints, id: string) => `${config.api}/${encodeURIComponent(id)}`;

export const getProcedureMatter = <D>(config: Endpoints, id: string, signal?: AbortSignal) =>
  apiRequest<D>(matterPath(config, id), { signal });

/**
 * Runs one step; the answer is the matter as it now stands, or undefined (204) when the step took
 * it out of the user's view.
 */
export const performProcedureAction = <D>(
  config: Endpoints,
  id: string,
  action: string,
  body: Record<string, unknown>,
) =>
  apiRequest<D | undefined>(`${matterPath(config, id)}/actions/${encodeURIComponent(action)}`, {
    method: 'POST',
    body,
  });

/** Uploads one file (multipart `file` after the optional fields): the `add_evidence` step. */
export const uploadProcedureFile = <D>(
  config: Endpoints,
  id: string,
  file: File,
  fields: EvidenceFields,
  options: Omit<UploadOptions, 'query'> = {},
) => {
  const form = new FormData();
  if (fields.description) form.append('description', fields.description);
  if (fields.visibility) form.append('visibility', fields.visibility);
  form.append('file', file, file.name);
  return apiUpload<{ matter: D }>(`${matterPath(config, id)}/${config.uploadPath}`, form, options);
};

/** Opens a matter; the idempotency key is made once per submission and reused on a retry. */
export const openProcedureMatter = (config: Endpoints, body: unknown, idempotencyKey: string) =>
  apiRequest<{ id: string; number: string }>(config.api, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
