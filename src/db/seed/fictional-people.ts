import { residentIdCheckChar } from '../../domain/identity.ts';
import type { Rng } from './prng.ts';

/** Common surnames with rough relative frequencies, so the mix looks like a real county. */
const SURNAMES: readonly (readonly [string, number])[] = (
  '王72 李72 张68 刘54 陈45 杨31 黄22 赵22 吴20 周19 徐16 孙15 马14 朱13 胡13 郭12 何10 高10 林10 罗9 ' +
  '郑8 梁8 谢7 宋7 唐6 许6 韩6 冯5 邓5 曹5 彭5 曾5 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 余3 杜3 叶3 程3 ' +
  '苏3 魏3 吕3 丁3 任3 沈3 姚2 卢2 姜2 崔2 钟2 谭2 陆2 汪2 范2 金2 石2 廖2 贾2 夏2 方2 邹2 熊2 孟2'
)
  .split(' ')
  .map((entry) => [entry[0]!, Number(entry.slice(1))] as const);
const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);

const GIVEN_MALE = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国峰亮成志海东文晨博彬坤毅鸿翔振兴祥瑞泽润源诚忠',
];
const GIVEN_FEMALE = [
  ...'芳娜敏静丽艳娟霞秀玲英萍红燕琳雪梅丹婷倩慧颖洁琴云莉兰月晶薇佳欣悦怡蕾璐岚琪瑶蓉莹',
];

/** Two-character given names typical of each generation (born before / from 1980). */
const GIVEN_PAIRS = {
  male: {
    older:
      '建国 建华 建军 志强 志刚 志明 国强 国庆 卫东 立新 振华 德明 永刚 学军 春雷 光辉 海涛 宏伟 红兵 爱国 文斌 晓东 晓峰 长青 新民',
    younger:
      '俊杰 浩然 子轩 文博 明辉 家豪 天宇 鹏飞 宇航 一鸣 思远 晨阳 博文 嘉伟 泽宇 皓轩 梓豪 俊熙 睿哲 昊天 宇轩 志鹏 健雄 凯文 逸飞',
  },
  female: {
    older:
      '秀英 桂英 丽娟 晓燕 雪梅 海燕 丽华 春梅 玉兰 凤霞 晓丽 秀兰 美玲 雅琴 晓红 艳红 红梅 爱华 淑珍 建英 玉梅 慧敏 丽萍 金凤 秋菊',
    younger:
      '婷婷 欣怡 梦琪 思雨 佳怡 雨涵 静怡 文静 丹丹 倩倩 晓雪 佳琪 雅婷 诗涵 梓涵 可欣 紫萱 心怡 语嫣 雪莹 海琳 思琪 梦洁 若兰 晨曦',
  },
} as const;

/**
 * Names that belong to national leaders, historical figures or celebrities: a generated cadre must
 * never look like a real, well-known person.
 */
const WELL_KNOWN = new Set(
  (
    '习近平 李强 赵乐际 王沪宁 蔡奇 丁薛祥 李希 韩正 李克强 胡锦涛 江泽民 温家宝 朱镕基 邓小平 毛泽东 周恩来 ' +
    '刘少奇 朱德 王岐山 王毅 王菲 李娜 刘翔 姚明 成龙 李宁 刘欢 孙杨 郎平 周迅 赵薇 刘涛 孙俪 李晨 邓超 ' +
    '陈坤 王凯 张杰 韩红 那英 马云 雷军 李白 杜甫 王勃 孙俊 林丹 李杰 刘强 张勇 黄海'
  ).split(' '),
);

/**
 * Draws a unique, clearly fictional name (surname + one or two characters, in the style of the
 * birth generation); `taken` also holds names reserved for demo people.
 */
export function fictionalName(
  rng: Rng,
  gender: 'male' | 'female',
  birthYear: number,
  taken: Set<string>,
): string {
  const chars = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const pairs = GIVEN_PAIRS[gender][birthYear < 1980 ? 'older' : 'younger'].split(' ');
  for (;;) {
    const roll = rng.next();
    const given =
      roll < 0.3 ? rng.pick(chars) : roll < 0.75 ? rng.pick(pairs) : rng.pick(chars) + rng.pick(chars);
    const name = pickSurname(rng) + given;
    if (WELL_KNOWN.has(name) || taken.has(name)) continue;
    taken.add(name);
    return name;
  }
}

function pickSurname(rng: Rng): string {
  let ticket = rng.next() * SURNAME_TOTAL;
  for (const [surname, weight] of SURNAMES) {
    ticket -= weight;
    if (ticket < 0) return surname;
  }
  return SURNAMES[0]![0];
}

/**
 * Region codes 999901–999912 do not exist (real province codes end at 82), so a demo ID number can
 * never be a real person's, while still passing the GB 11643 checksum and birth-date checks.
 */
export const FICTIONAL_REGION_PREFIX = '9999';

/** A valid 18-digit resident ID for the birth month and gender, unique within `taken`. */
export function fictionalResidentId(
  rng: Rng,
  person: { birthMonth: string; gender: 'male' | 'female' },
  taken: Set<string>,
): string {
  const yyyymm = person.birthMonth.replace('-', '');
  for (;;) {
    const region = FICTIONAL_REGION_PREFIX + String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const genderDigit = rng.int(0, 4) * 2 + (person.gender === 'male' ? 1 : 0); // 第 17 位 odd = male
    const body = `${region}${yyyymm}${day}${String(rng.int(0, 99)).padStart(2, '0')}${genderDigit}`;
    const id = body + residentIdCheckChar(body);
    if (taken.has(id)) continue;
    taken.add(id);
    return id;
  }
}

/** An 11-digit mobile number in the 170 virtual-operator range, unique within `taken`. */
export function fictionalMobile(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const mobile = '170' + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (taken.has(mobile)) continue;
    taken.add(mobile);
    return mobile;
  }
}

/** 'YYYY-MM' with the year in [fromYear, toYear]. */
export function birthMonthBetween(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
}

/** Civil-servant 职级 by age: young staff start as 科员, long service reaches 主任科员 or 调研员. */
export function civilServantRank(rng: Rng, birthMonth: string, referenceYear: number): string {
  const age = referenceYear - Number(birthMonth.slice(0, 4));
  if (age < 30) return rng.pick(['二级科员', '一级科员', '一级科员']);
  if (age < 40) return rng.pick(['一级科员', '四级主任科员', '三级主任科员']);
  if (age < 50) return rng.pick(['三级主任科员', '二级主任科员', '一级主任科员']);
  return rng.pick(['二级主任科员', '一级主任科员', '四级调研员']);
}
