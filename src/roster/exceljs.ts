/**
 * exceljs, loaded when a workbook is first read or written rather than at start-up: the library
 * and its zip and XML dependencies take about half a second to load, and most processes (a
 * server that nobody has asked for a spreadsheet yet, the CLI) never need it.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
