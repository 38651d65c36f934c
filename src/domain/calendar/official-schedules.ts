import type { YearSchedule } from './working-day-calendar.ts';

/**
 * Official State Council holiday arrangements (国务院办公厅关于部分节假日安排的通知), 2019–2026.
 *
 * `holidays` are the days off (法定节假日 and the rest days arranged around them, 放假调休) as the
 * notice states them; `makeupWorkdays` are the Saturdays and Sundays turned into working days (调休上班).
 * Cross-checked against chinese-days@1.5.7 (src/holidays/generate.ts, which quotes each notice).
 *
 * Dates are filed under their calendar year, so a notice that reaches into the previous year (the
 * 2023 notice's 2022-12-31) contributes to that year's entry. Notes per year:
 * - 2019: Labour Day as amended on 2019-03-22 (5 月 1–4 日 off; 4-28 and 5-05 worked). The 2019
 *   notice also made 2018-12-29 a workday and 2018-12-30/31 days off; 2018 is not covered here.
 * - 2020: Spring Festival extended to 2020-02-02 (国办发明电〔2020〕1号), which cancelled the
 *   2020-02-01 make-up workday.
 * - 2025: from 2025 the Spring Festival and Labour Day each gained one statutory day.
 */
// prettier-ignore
export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [
  {
    year: 2019,
    source: ['http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm', 'http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2019-01-01'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08', '2019-02-09', '2019-02-10'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2019-04-05', '2019-04-06', '2019-04-07'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2019-06-07', '2019-06-08', '2019-06-09'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2019-09-13', '2019-09-14', '2019-09-15'] },
      { name: '国庆节', nameEn: 'National Day', days: ['2019-10-01', '2019-10-02', '2019-10-03', '2019-10-04', '2019-10-05', '2019-10-06', '2019-10-07'] },
    ],
    makeupWorkdays: ['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
  },
  {
    year: 2020,
    source: ['http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm', 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2020-01-01'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2020-04-04', '2020-04-05', '2020-04-06'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2020-06-25', '2020-06-26', '2020-06-27'] },
      { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', days: ['2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08'] },
    ],
    makeupWorkdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  {
    year: 2021,
    source: ['http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2021-01-01', '2021-01-02', '2021-01-03'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2021-04-03', '2021-04-04', '2021-04-05'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2021-06-12', '2021-06-13', '2021-06-14'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2021-09-19', '2021-09-20', '2021-09-21'] },
      { name: '国庆节', nameEn: 'National Day', days: ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'] },
    ],
    makeupWorkdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    source: ['http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm', 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2022-01-01', '2022-01-02', '2022-01-03'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2022-04-03', '2022-04-04', '2022-04-05'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2022-06-03', '2022-06-04', '2022-06-05'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2022-09-10', '2022-09-11', '2022-09-12'] },
      { name: '国庆节', nameEn: 'National Day', days: ['2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07'] },
      { name: '元旦（2023年）', nameEn: "New Year's Day (2023)", days: ['2022-12-31'] },
    ],
    makeupWorkdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    source: ['http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2023-01-01', '2023-01-02'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2023-04-05'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2023-06-22', '2023-06-23', '2023-06-24'] },
      { name: '中秋节、国庆节', nameEn: 'Mid-Autumn Festival and National Day', days: ['2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'] },
    ],
    makeupWorkdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: ['https://www.gov.cn/zhengce/content/202310/content_6911527.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2024-01-01'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2024-04-04', '2024-04-05', '2024-04-06'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2024-06-10'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2024-09-15', '2024-09-16', '2024-09-17'] },
      { name: '国庆节', nameEn: 'National Day', days: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'] },
    ],
    makeupWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: ['https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2025-01-01'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2025-04-04', '2025-04-05', '2025-04-06'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2025-05-31', '2025-06-01', '2025-06-02'] },
      { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', days: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'] },
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: ['https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2026-01-01', '2026-01-02', '2026-01-03'] },
      { name: '春节', nameEn: 'Spring Festival', days: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'] },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2026-04-04', '2026-04-05', '2026-04-06'] },
      { name: '劳动节', nameEn: 'Labour Day', days: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'] },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2026-06-19', '2026-06-20', '2026-06-21'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2026-09-25', '2026-09-26', '2026-09-27'] },
      { name: '国庆节', nameEn: 'National Day', days: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'] },
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
