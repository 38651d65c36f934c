/**
 * Word lists for synthetic data: place names, person names (used by SQL, so plain arrays), and the
 * titles and accounts of tolerance matters. Every name is made up from common characters; none
 * is meant to be a real person or place.
 */
import type { Rng } from '../prng.ts';

const PLACE_FIRST = [...'安宁平青临清长永新东西南北高河江山石白云金龙泰兴华阳崇德丰广福瑞嘉和乐康'];
const PLACE_SECOND = [...'平安阳川山河源城水州江宁昌丰林泉溪桥岭原坪塘湖口沙圩岗'];

/** A two-character place name, unique within `taken`. */
export function placeName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND) + (attempt > 200 ? rng.pick(PLACE_SECOND) : '');
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Surnames repeated by rough frequency, so picking uniformly from the array gives a realistic mix. */
export const SURNAME_POOL: readonly string[] = (
  '王9 李9 张8 刘7 陈6 杨4 黄3 赵3 吴3 周3 徐2 孙2 马2 朱2 胡2 郭2 何1 高1 林1 罗1 郑1 梁1 谢1 宋1 唐1 许1 韩1 冯1 邓1 ' +
  '曹1 彭1 曾1 肖1 田1 董1 袁1 潘1 于1 蒋1 蔡1 余1 杜1 叶1 程1 苏1 魏1 吕1 丁1 任1 沈1'
)
  .split(' ')
  .flatMap((entry) => Array.from({ length: Number(entry.slice(1)) }, () => entry[0]!));

export const GIVEN_MALE: readonly string[] = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国峰亮成志海东文晨博彬坤毅鸿翔振兴祥瑞泽'];
export const GIVEN_FEMALE: readonly string[] = [...'芳娜敏静丽艳娟霞秀玲英萍红燕琳雪梅丹婷倩慧颖洁琴云莉兰月晶薇佳欣悦怡蕾璐岚琪瑶蓉莹'];

/** A person's name for staff accounts (not unique; cadres get theirs in SQL from the pools above). */
export function personName(rng: Rng, gender: 'male' | 'female'): string {
  const given = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  return rng.pick(SURNAME_POOL) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : '');
}

/** What tolerance matters are about: [title, account of what happened]. */
export const MATTER_TOPICS: readonly (readonly [string, string])[] = [
  ['高标准农田建设项目提前开工', '为赶在雨季前完成灌溉渠道施工，在用地审批手续未全部办结时组织提前进场。'],
  ['村级光伏项目选址调整', '根据群众意见调整光伏板选址，未及时报请原审批部门变更。'],
  ['财政资金先行拨付', '在应急物资采购中先行拨付资金，事后补办政府采购手续。'],
  ['校舍改造招标程序简化', '为保证秋季开学，在校舍抗震改造中简化招标程序。'],
  ['土地整理项目先行实施', '土地整理项目在方案批复前先行实施，后经集体研究补办手续。'],
  ['应急采购临机处置', '突发公共卫生事件中临机采购防护物资，事后向主管部门报告。'],
  ['老旧小区改造先施工后补手续', '为回应群众诉求，老旧小区改造项目先行施工，后补办规划许可。'],
  ['农产品产销对接先行垫付费用', '为帮助滞销农产品打开销路，先行垫付展会费用。'],
  ['合作社扶持资金提前拨付', '为赶农时，在合作社验收材料未齐备时提前拨付扶持资金。'],
  ['企业帮扶措施先行出台', '为稳住重点企业，先行出台临时帮扶措施，未履行完整的合法性审查程序。'],
  ['水利设施汛期抢修', '汛期抢修水利设施，未按规定履行政府采购程序。'],
  ['农村公路养护资金调整', '未经集体研究调整养护资金用途，用于急需的危桥改造。'],
  ['招商引资项目容缺受理', '对重点招商项目实行容缺受理，部分材料后补。'],
  ['危房改造补助提前发放', '为保障困难群众入冬前住进安全住房，提前发放危房改造补助。'],
  ['乡村振兴示范点建设超预算', '示范点建设中因材料价格上涨超出预算，未及时履行调整程序。'],
  ['疫情防控物资调配', '紧急情况下跨部门调配防控物资，未按程序办理调拨手续。'],
];

/** Findings, opinions and notes as officers write them (stored SM4-encrypted). */
export const RECORD_TEXTS: readonly string[] = [
  '经调阅会议记录、走访相关村组、与当事人谈话，查明基本事实。',
  '当事人出于公心推动工作，未谋取私利，已主动采取措施挽回损失。',
  '所在单位认为当事人一贯表现良好，该事项系为推动重点工作，建议予以容错。',
  '与当事人谈话，了解决策过程和资金使用情况，当事人如实说明了有关情况。',
  '调取项目审批、资金拨付凭证等材料，核对相关时间节点。',
  '本人对认定结果无异议，已签收。',
  '本人认为已主动挽回全部损失，请求复核认定为免责。',
  '请补充提供集体研究会议纪要及经费拨付凭证。',
];

/** Task kinds and what they ask for (核实任务). */
export const TASKS: readonly (readonly [string, string])[] = [
  ['interview', '与当事人谈话，了解决策过程'],
  ['documents', '调取会议记录和审批材料'],
  ['site_visit', '到项目现场实地核查'],
  ['unit_opinion', '听取所在单位党组织意见'],
];
