/** Which posts a unit has and how their holders are ranked: the shape of a county's cadre corps. */
import { civilServantRank } from './fictional-people.ts';
import type { Post, RankScheme, UnitSpec } from './k-county-catalogue.ts';
import type { Rng } from './prng.ts';

/** Ages are computed against this year, not the clock, so the data never drifts. */
export const REFERENCE_YEAR = 2026;

export type PostSlot = Post & { tier: 'leader' | 'section' | 'staff'; scheme: RankScheme };

/** Leaders, then one head per section, then staff up to the unit's size. */
export function postsOf(spec: UnitSpec): PostSlot[] {
  const scheme = spec.rankScheme ?? 'civil';
  const slots: PostSlot[] = [
    ...spec.leaders.map((post) => ({ ...post, tier: 'leader' as const, scheme })),
    ...(spec.sections ?? []).map((section) => ({
      position: sectionHeadTitle(section),
      rank: '',
      tier: 'section' as const,
      scheme,
    })),
  ];
  const titles = spec.staffTitles ?? ['科员'];
  for (let i = 0; slots.length < spec.size; i += 1) {
    slots.push({ position: titles[i % titles.length]!, rank: '', tier: 'staff', scheme });
  }
  return slots.slice(0, spec.size);
}

/** Head of a section by what the section is called: 科 → 科长, 股 → 股长, 办公室 → 主任 … */
const SECTION_HEADS: readonly (readonly [suffix: string, title: string])[] = [
  ['大队', '大队长'],
  ['检察部', '主任'],
  ['部', '经理'],
  ['局', '局长'],
  ['科', '科长'],
  ['股', '股长'],
  ['庭', '庭长'],
  ['队', '队长'],
];

function sectionHeadTitle(section: string): string {
  const title = SECTION_HEADS.find(([suffix]) => section.endsWith(suffix))?.[1] ?? '主任';
  return section + title;
}

const RANK_LADDERS: Record<Exclude<RankScheme, 'civil' | 'none'>, readonly string[]> = {
  judge: ['四级法官', '三级法官', '二级法官', '一级法官', '四级高级法官'],
  prosecutor: ['四级检察官', '三级检察官', '二级检察官', '一级检察官', '四级高级检察官'],
  institution: ['管理十级', '管理九级', '管理八级', '管理七级'],
};

export function rankFor(rng: Rng, slot: PostSlot, birthMonth: string): string {
  if (slot.tier === 'leader') return slot.rank;
  if (slot.scheme === 'none') return '无';
  const age = REFERENCE_YEAR - Number(birthMonth.slice(0, 4));
  if (slot.scheme === 'civil') {
    return slot.tier === 'section'
      ? rng.pick(
          age < 40 ? ['四级主任科员', '三级主任科员'] : ['三级主任科员', '二级主任科员', '一级主任科员'],
        )
      : civilServantRank(rng, birthMonth, REFERENCE_YEAR);
  }
  const ladder = RANK_LADDERS[slot.scheme];
  const step = Math.floor((age - 24) / 9) + (slot.tier === 'section' ? 1 : 0);
  return ladder[Math.min(ladder.length - 1, Math.max(0, step))]!;
}

/** Mostly serving; some of the oldest have retired, a few left or died (only non-leading posts). */
export function statusFor(
  roll: number,
  bornYear: number,
): 'in_office' | 'retired' | 'transferred_out' | 'deceased' {
  if (bornYear <= 1966) return roll < 0.5 ? 'retired' : 'in_office';
  if (roll < 0.012) return 'transferred_out';
  return roll < 0.015 ? 'deceased' : 'in_office';
}
