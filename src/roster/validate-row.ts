import { DomainError, type ErrorCode, type ErrorDetails } from '../domain/errors.ts';
import { birthMonthRange, parseBirthMonth } from './birth-month.ts';
import { GENDER_ZH, MAX_LENGTH, parseGender, parseParty, parseStatus } from './columns.ts';
import { cleanText, textCell, type GridCell, type GridRow } from './grid.ts';
import type { HeaderLocation, RosterCellError, RosterField, RosterRow } from './types.ts';
import {
  isValidMobile,
  normalizeMobile,
  validateResidentId,
  type ResidentIdInfo,
} from '../domain/identity.ts';

/** State shared by the rows of one file. */
export type RowContext = {
  headerMap: Partial<Record<RosterField, HeaderLocation>>;
  now: Date;
  /** Valid ID number → the row it first appeared in, for the duplicate check. */
  firstRowById: Map<string, number>;
};

const ID_PROBLEM_CODES = {
  format: 'roster.bad_id_format',
  birth_date: 'roster.bad_id_birth_date',
  checksum: 'roster.bad_id_checksum',
} as const;

/** Validates one data row: the row when every cell is fine, and every bad cell either way. */
export function validateRow(
  gridRow: GridRow,
  context: RowContext,
): { row?: RosterRow; errors: RosterCellError[] } {
  const { headerMap } = context;
  const errors: RosterCellError[] = [];
  const cellOf = (field: RosterField): GridCell => {
    const location = headerMap[field];
    return (location && gridRow.cells[location.columnIndex - 1]) || textCell('');
  };
  const textOf = (field: RosterField): string => cleanText(stripFormulaGuard(cellOf(field).text));
  const fail = (field: RosterField, code: ErrorCode, details: ErrorDetails = {}): undefined => {
    const location = headerMap[field]!;
    const value = textOf(field);
    const error = new DomainError(code, { column: location.header, value, ...details });
    errors.push({
      row: gridRow.rowNumber,
      column: location.header,
      columnLetter: location.columnLetter,
      value,
      code,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
    });
    return undefined;
  };
  /** Required free text with a length limit. */
  const text = (field: RosterField): string | undefined => {
    const value = textOf(field);
    const max = MAX_LENGTH[field];
    if (value === '') return fail(field, 'roster.required');
    if (max !== undefined && [...value].length > max) return fail(field, 'roster.too_long', { max });
    return value;
  };

  const name = checkName(text('name'), () => fail('name', 'roster.bad_name'));
  const gender =
    textOf('gender') === ''
      ? fail('gender', 'roster.required')
      : (parseGender(textOf('gender')) ?? fail('gender', 'roster.bad_gender'));
  const birthMonth = checkBirthMonth();
  const unitName = text('unitName');
  const position = text('position');
  const rank = text('rank');
  const partyText = headerMap.partyMembership ? textOf('partyMembership') : '';
  const partyMembership =
    partyText === '' ? 'none' : (parseParty(partyText) ?? fail('partyMembership', 'roster.bad_party'));
  const statusText = headerMap.status ? textOf('status') : '';
  const status =
    statusText === '' ? 'in_office' : (parseStatus(statusText) ?? fail('status', 'roster.bad_status'));
  const idInfo = checkIdNumber();
  const idNumber = idInfo?.id;
  const mobile = checkMobile();

  if (idInfo && gender && idInfo.gender !== gender) {
    const idGender = idInfo.gender;
    fail('idNumber', 'roster.id_gender_mismatch', {
      idGenderZh: GENDER_ZH[idGender],
      idGenderEn: idGender,
      otherColumn: headerMap.gender!.header,
      otherValue: textOf('gender'),
    });
  }
  const idBirthMonth = idInfo?.birthDate.slice(0, 7);
  if (idBirthMonth && birthMonth && idBirthMonth !== birthMonth) {
    fail('idNumber', 'roster.id_birth_mismatch', {
      idBirth: idBirthMonth,
      otherColumn: headerMap.birthMonth!.header,
      otherValue: textOf('birthMonth'),
    });
  }
  if (idNumber) {
    const firstRow = context.firstRowById.get(idNumber);
    if (firstRow === undefined) context.firstRowById.set(idNumber, gridRow.rowNumber);
    else fail('idNumber', 'roster.duplicate_id_number', { firstRow });
  }

  if (errors.length > 0 || !name || !gender || !birthMonth || !unitName || !position || !rank)
    return { errors };
  if (!partyMembership || !status || !idNumber || mobile === null) return { errors };
  const row: RosterRow = {
    row: gridRow.rowNumber,
    name,
    gender,
    birthMonth,
    unitName,
    position,
    rank,
    partyMembership,
    status,
    idNumber,
  };
  if (mobile !== undefined) row.mobile = mobile;
  return { row, errors };

  function checkBirthMonth(): string | undefined {
    const raw = textOf('birthMonth');
    if (raw === '') return fail('birthMonth', 'roster.required');
    const parsed = parseBirthMonth(cellOf('birthMonth'), raw);
    if ('problem' in parsed) {
      return fail(
        'birthMonth',
        parsed.problem === 'ambiguous' ? 'roster.birth_month_ambiguous' : 'roster.bad_birth_month',
      );
    }
    const range = birthMonthRange(context.now);
    if (parsed.month < range.min || parsed.month > range.max) {
      return fail('birthMonth', 'roster.birth_month_out_of_range', { value: parsed.month, ...range });
    }
    return parsed.month;
  }

  function checkIdNumber(): ResidentIdInfo | undefined {
    const raw = textOf('idNumber');
    if (raw === '') return fail('idNumber', 'roster.required');
    // A numeric cell has lost digits past the 15th; in a CSV Excel writes it as 1.10101E+17.
    if (cellOf('idNumber').kind === 'number' || /^\d+(\.\d+)?E\+?\d+$/i.test(raw)) {
      return fail('idNumber', 'roster.id_stored_as_number');
    }
    const result = validateResidentId(raw.normalize('NFKC').replace(/-/g, ''));
    if (result.ok) return result.value;
    return fail('idNumber', ID_PROBLEM_CODES[result.problem], { value: raw.replace(/\s/g, '').slice(6, 14) });
  }

  /** undefined = no mobile given; null = given but invalid. */
  function checkMobile(): string | undefined | null {
    const raw = headerMap.mobile ? textOf('mobile') : '';
    if (raw === '') return undefined;
    const mobile = normalizeMobile(raw);
    if (isValidMobile(mobile)) return mobile;
    fail('mobile', 'roster.bad_mobile');
    return null;
  }
}

const MIDDLE_DOTS = /[•・･‧．.∙⋅]/g;
const NAME = /^[\p{L}]+(?:[·\s][\p{L}]+)*$/u;

/** Chinese names, with '·' between the parts of a transliterated name (买买提·艾力). */
function checkName(name: string | undefined, onBad: () => undefined): string | undefined {
  if (name === undefined) return undefined;
  const normalised = name.replace(MIDDLE_DOTS, '·');
  return NAME.test(normalised) && [...normalised.replace(/[·\s]/g, '')].length >= 2 ? normalised : onBad();
}

/** The export prefixes "'" to text that would start a formula; take it off again. */
function stripFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
