/**
 * How an applicant may challenge a disclosure decision (条例 第五十一条), by the date of the
 * decision. From 2024-01-01 《中华人民共和国行政复议法》(2023年9月1日修订, 第九十条: 2024年1月1日
 * 起施行) 第二十三条第一款 makes 行政复议 compulsory before a lawsuit for （四）"申请政府信息公开，
 * 行政机关不予公开" and for （三） an agency that fails its statutory duty (no answer in time);
 * 第二十三条第二款 requires the decision to say so. Other decisions keep both routes.
 *
 * Verified (December 2026) against the texts of the 国家法律法规数据库 (flk.npc.gov.cn, read
 * through a public mirror): 行政复议法(2023) 第二十条 (六十日), 第二十三条, 第三十四条 (十五日
 * after a refusal or silence of the 复议机关 in a 复议前置 case), 第九十条; 行政诉讼法 第四十四条
 * (either route unless a law requires 复议 first), 第四十五条 (十五日 after the 复议决定书, or after
 * the 复议期限 when the 复议机关 does not decide), 第四十六条 (六个月). Before 2024 the sixty days
 * were 行政复议法(2017) 第九条.
 *
 * Placeholders: {reconsiderationBody} the agency's 复议机关, {items} the items a clause covers.
 */
import type { OutcomeGroup } from './outcome-codes.ts';

export type RemedyRoute = 'either' | 'reconsiderationFirst';

export interface RemedyRegime {
  /** First day (China time) of a decision this regime applies to. */
  from: string;
  basis: string;
  /** The table 三 groups whose replies must go to 行政复议 first; a 部分公开 withholds a part. */
  reconsiderationFirst: readonly OutcomeGroup[];
  /** The last paragraph of a letter: an opening, then the route, then 。 */
  letter: {
    /** Every answer of the letter takes the same route. */
    whole: string;
    /** The answers of one route in a reply whose answers differ; {items} names them. */
    part: string;
    routes: Record<RemedyRoute, string>;
  };
  /** The 指南's 监督和救济: one entry per kind of decision, each with its routes. */
  guide: readonly { lead: string; routes: readonly string[] }[];
}

const either = '可以自收到本答复之日起六十日内向{reconsiderationBody}申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼';

export const remedyRegimes: readonly RemedyRegime[] = [
  {
    from: '2019-05-15',
    basis: '《中华人民共和国行政复议法》(2017年修正) 第九条；《中华人民共和国行政诉讼法》第四十四条、第四十六条',
    reconsiderationFirst: [],
    letter: { whole: '如对本答复不服，', part: '对本答复{items}不服的，', routes: { either, reconsiderationFirst: either } },
    guide: [
      {
        lead: '',
        routes: [
          '行政复议：自知道或者应当知道该行政行为之日起六十日内，向{reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第九条）。',
          '行政诉讼：自知道或者应当知道作出行政行为之日起六个月内，向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。',
        ],
      },
    ],
  },
  {
    from: '2024-01-01',
    basis: '《中华人民共和国行政复议法》(2023年修订) 第二十条、第二十三条、第三十四条；《中华人民共和国行政诉讼法》第四十四条至第四十六条',
    reconsiderationFirst: ['withheld', 'partiallyGranted'],
    letter: {
      whole: '如对本答复不服，',
      part: '对本答复{items}不服的，',
      routes: {
        either,
        reconsiderationFirst:
          '根据《中华人民共和国行政复议法》第二十三条的规定，应当先向{reconsiderationBody}申请行政复议，申请期限为自收到本答复之日起六十日内；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼',
      },
    },
    guide: [
      {
        lead: '不予公开的决定（包括部分公开中不予公开的部分），以及本机关未在法定期限内答复的，实行复议前置：',
        routes: [
          '应当先向{reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第二十三条第一款第（三）项、第（四）项），申请期限为自知道或者应当知道该行政行为之日起六十日内（同法第二十条），不能直接向人民法院提起行政诉讼。',
          '对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼；行政复议机关不予受理、驳回申请或者逾期不作决定的，可以自收到决定书之日或者行政复议期限届满之日起十五日内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条，《中华人民共和国行政复议法》第三十四条）。',
        ],
      },
      {
        lead: '对其他政府信息公开决定不服的，可以选择申请行政复议或者直接提起行政诉讼：',
        routes: [
          '行政复议：自知道或者应当知道该行政行为之日起六十日内，向{reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第二十条）。',
          '行政诉讼：自知道或者应当知道作出行政行为之日起六个月内，向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。',
        ],
      },
    ],
  },
];

/** The regime of a decision made on `date` (YYYY-MM-DD); the earliest one for any date before it. */
export function remedyRegimeOn(date: string): RemedyRegime {
  return remedyRegimes.filter((r) => r.from <= date).at(-1) ?? remedyRegimes[0]!;
}
