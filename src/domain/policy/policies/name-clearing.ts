import type { NameClearingRules } from '../types.ts';

/** Citation of an article of the default policy, with the local or national source it follows. */
const art = (article: string, basis: string) => `默认政策${article}（依据：${basis}）`;

const HUBEI = '《湖北省纪检监察机关为受到不实举报干部澄清正名工作办法》';
const JIANGXI = '江西省澄清正名实施办法';
const COMPLAINT_RULES_2020 = '《纪检监察机关处理检举控告工作规则》';

/**
 * 澄清正名 defaults (DOMAIN §6.2): Hubei's four triggers (Art. 6) — any one of them calls for clearing
 * — and Jiangxi's three exclusions, which prevail: an untrue report that did no harm, a matter not
 * yet verified or excluded, or "harm" that was only the routine verification talk is not cleared.
 * A jurisdiction's policy version adds, drops or rewords items by id (`changes.nameClearing`).
 */
export const DEFAULT_NAME_CLEARING_RULES: NameClearingRules = {
  triggers: [
    {
      id: 'T1',
      labelZh: '干部的选拔任用、评先评优、考核等已经或者可能受到影响',
      labelEn:
        'the cadre’s selection, appointment, election, transfer or commendation was or may be affected',
      clause: art('第十二条第（一）项', `${HUBEI}第六条第（一）项`),
    },
    {
      id: 'T2',
      labelZh: '干部的人身权利、财产权利或者正常工作生活受到不良影响',
      labelEn: 'the cadre’s personal or property rights, or normal work or life, were adversely affected',
      clause: art('第十二条第（二）项', `${HUBEI}第六条第（二）项`),
    },
    {
      id: 'T3',
      labelZh: '问题已有明确结论，但干部仍因同一问题被反复举报',
      labelEn: 'the cadre keeps being reported on the same matter after a clear conclusion',
      clause: art('第十二条第（三）项', `${HUBEI}第六条第（三）项`),
    },
    {
      id: 'T4',
      labelZh: '纪检监察机关认为需要澄清正名的其他情形',
      labelEn: 'another case the commission deems to need clearing',
      clause: art('第十二条第（四）项', `${HUBEI}第六条第（四）项`),
      requiresReason: true,
    },
  ],
  exclusions: [
    {
      id: 'E1',
      labelZh: '举报失实但未对干部造成不良影响',
      labelEn: 'the report was untrue but did the cadre no harm',
      clause: art('第十三条第（一）项', JIANGXI),
    },
    {
      id: 'E2',
      labelZh: '反映问题尚未查实、也不能排除',
      labelEn: 'the matter can be neither verified nor excluded yet',
      clause: art('第十三条第（二）项', `${JIANGXI}；${HUBEI}第二条（未查实但不能完全排除的不属于不实举报）`),
    },
    {
      id: 'E3',
      labelZh: '所谓影响仅因纪检监察机关依规依纪依法开展核查谈话等正常工作产生',
      labelEn: 'the only “harm” came from routine verification talks and similar work of the commission',
      clause: art('第十三条第（三）项', JIANGXI),
    },
  ],
  clause: art('第十二条', `${COMPLAINT_RULES_2020}第五十条`),
};
