import { CASE_LIBRARY_STAFF } from '../../../domain/case-library/procedure.ts';
import type { Role } from '../../api/types.ts';

/** Who gets the internal library in the menu: the staff who see drafts (the server still decides). */
export const CASE_LIBRARY_READERS: readonly Role[] = CASE_LIBRARY_STAFF;
/** Who prepares cases from decided matters. */
export const CASE_PREPARERS: readonly Role[] = ['case_officer'];
