/** Shapes the roster (干部名册) import produces; shared by parse, export and the callers. */

/** A field of a roster row, independent of how the file spells its header. */
export type RosterField =
  | 'name'
  | 'gender'
  | 'birthMonth'
  | 'unitName'
  | 'position'
  | 'rank'
  | 'partyMembership'
  | 'status'
  | 'idNumber'
  | 'mobile';

export type Gender = 'male' | 'female';
export type PartyMembership = 'member' | 'probationary' | 'none';
export type CadreStatus = 'in_office' | 'retired' | 'transferred_out' | 'deceased';

/** One valid data row, ready for the caller to resolve `unitName` and upsert by ID number. */
export type RosterRow = {
  /** Spreadsheet row number as the user sees it (header row = 1 in a plain file). */
  row: number;
  name: string;
  gender: Gender;
  /** 'YYYY-MM' */
  birthMonth: string;
  unitName: string;
  position: string;
  rank: string;
  partyMembership: PartyMembership;
  status: CadreStatus;
  /** 18 characters, trailing X upper-case. */
  idNumber: string;
  mobile?: string;
};

/** One bad cell, in both languages. */
export type RosterCellError = {
  row: number;
  /** The header text as written in the file, e.g. '身份证号'. */
  column: string;
  /** Spreadsheet column letter by position, e.g. 'G'. */
  columnLetter?: string;
  value: string;
  code: string;
  messageZh: string;
  messageEn: string;
};

/** Something the user should know that does not reject a row (e.g. an ignored column). */
export type RosterWarning = {
  code: string;
  column?: string;
  columnLetter?: string;
  messageZh: string;
  messageEn: string;
};

/** Where a field was found in the file. */
export type HeaderLocation = { header: string; columnIndex: number; columnLetter: string };

export type RosterParseResult = {
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'gb18030';
  /** Row number of the header row (1 unless a title row sits above it). */
  headerRow: number;
  headerMap: Partial<Record<RosterField, HeaderLocation>>;
  /** Valid rows only. */
  rows: RosterRow[];
  errors: RosterCellError[];
  warnings: RosterWarning[];
  /** Non-empty data rows in the file, valid or not. */
  totalRows: number;
};

export type ParseOptions = {
  /** Called as rows are validated; `done` of `total` data rows. */
  onProgress?: (done: number, total: number) => void;
  /** For the birth-month plausibility check; defaults to the current time. */
  now?: Date;
};
