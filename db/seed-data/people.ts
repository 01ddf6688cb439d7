// Demo-only people for the seed: staff, a 3-level distributor chain, a plain member and 60 members.
// Deterministic data: no clock, no randomness. Every address is on the reserved demo domain and every
// phone number is masked ("138****1307"), so nothing here can reach a real person.
import type { Role } from "../schema/auth";
import type { DemoTierCode } from "./catalogue";

/** The one password every demo account signs in with. */
export const DEMO_PASSWORD = "jifen-demo-2026";
export const DEMO_EMAIL_DOMAIN = "demo.jifen.dev";
export const demoEmail = (key: string): string => `${key}@${DEMO_EMAIL_DOMAIN}`;

export type DemoLocale = "zh-CN" | "en";
/** How busy the member's generated history should look (orders, check-ins, redemptions). */
export type DemoActivity = "high" | "medium" | "low" | "dormant";

export interface DemoPerson {
  /** The e-mail's local part; stable, so it can seed a deterministic id. */
  key: string;
  /** Display name (zh-CN). */
  name: string;
  email: string;
  /** Masked, clearly fake mobile number; null = none given. */
  phone: string | null;
  /** "YYYY-MM-DD"; null = not given. */
  birthday: string | null;
  locale: DemoLocale;
}

export interface DemoStaff extends DemoPerson {
  roles: Role[];
}

export interface DemoMember extends DemoPerson {
  tierCode: DemoTierCode;
  /** Sign-up date = seed time − joinedDaysAgo days. */
  joinedDaysAgo: number;
  /** Key of the distributor who referred them; null = organic sign-up. */
  referrerKey: string | null;
  activity: DemoActivity;
}

export interface DemoDistributor extends DemoMember {
  roles: Role[];
  /** Referral code shown in the distributor's share link. */
  code: string;
  /** Distributor level code (see the "distribution" rule's levels). */
  levelCode: string;
}

type MemberInput = Omit<DemoMember, "email">;
const member = (m: MemberInput): DemoMember => ({ ...m, email: demoEmail(m.key) });
const staff = (s: Omit<DemoStaff, "email">): DemoStaff => ({ ...s, email: demoEmail(s.key) });

// ------------------------------------------------------------ staff

export const DEMO_ADMIN: DemoStaff = staff({ key: "admin", name: "管理员 Admin", phone: null, birthday: null, locale: "zh-CN", roles: ["admin"] });
export const DEMO_OPERATOR: DemoStaff = staff({ key: "operator", name: "运营 孙丽", phone: null, birthday: null, locale: "zh-CN", roles: ["operator"] });
export const DEMO_FINANCE: DemoStaff = staff({ key: "finance", name: "财务 何平", phone: null, birthday: null, locale: "zh-CN", roles: ["finance"] });
/** A second full admin: big manual adjustments need an admin other than the one who asked. */
export const DEMO_SUPERVISOR: DemoStaff = staff({ key: "supervisor", name: "主管 李明", phone: null, birthday: null, locale: "zh-CN", roles: ["admin"] });
export const DEMO_STAFF: DemoStaff[] = [DEMO_ADMIN, DEMO_OPERATOR, DEMO_FINANCE, DEMO_SUPERVISOR];

// ------------------------------------------------------------ distributor chain and the plain member

/** Top → bottom: wang.fang refers zhang.wei, who refers liu.yang. */
export const DEMO_DISTRIBUTOR_CHAIN: DemoDistributor[] = [
  {
    ...member({ key: "wang.fang", name: "王芳", phone: "138****6608", birthday: "1985-03-18", tierCode: "gold", joinedDaysAgo: 540, referrerKey: null, activity: "high", locale: "zh-CN" }),
    roles: ["member", "distributor"],
    code: "WANGF8",
    levelCode: "senior",
  },
  {
    ...member({ key: "zhang.wei", name: "张伟", phone: "139****2046", birthday: "1990-07-02", tierCode: "silver", joinedDaysAgo: 410, referrerKey: "wang.fang", activity: "high", locale: "zh-CN" }),
    roles: ["member", "distributor"],
    code: "ZHANGW",
    levelCode: "middle",
  },
  {
    ...member({ key: "liu.yang", name: "刘洋", phone: "186****7315", birthday: "1996-11-24", tierCode: "regular", joinedDaysAgo: 260, referrerKey: "zhang.wei", activity: "medium", locale: "zh-CN" }),
    roles: ["member", "distributor"],
    code: "LIUY26",
    levelCode: "junior",
  },
];

/** A plain member (no distributor role), referred by the bottom of the chain. */
export const DEMO_PLAIN_MEMBER: DemoMember = member({
  key: "chen.jing",
  name: "陈静",
  phone: "135****0921",
  birthday: "1993-05-09",
  tierCode: "silver",
  joinedDaysAgo: 400,
  referrerKey: "liu.yang",
  activity: "high",
  locale: "zh-CN",
});

// ------------------------------------------------------------ members

/** 60 members: 40 regular, 14 silver, 6 gold; 22 referred by the chain above. */
export const DEMO_MEMBERS: DemoMember[] = [
  member({ key: "li.na", name: "李娜", phone: "138****1307", birthday: "1968-01-01", tierCode: "regular", joinedDaysAgo: 5, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "wang.lei", name: "王磊", phone: "139****4048", birthday: "1975-06-12", tierCode: "silver", joinedDaysAgo: 58, referrerKey: "liu.yang", activity: "medium", locale: "zh-CN" }),
  member({ key: "zhang.min", name: "张敏", phone: "186****6789", birthday: "1982-11-23", tierCode: "regular", joinedDaysAgo: 111, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "liu.ting", name: "刘婷", phone: "137****9530", birthday: "1989-04-06", tierCode: "gold", joinedDaysAgo: 164, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "chen.chen", name: "陈晨", phone: "150****2271", birthday: "1996-09-17", tierCode: "regular", joinedDaysAgo: 217, referrerKey: "zhang.wei", activity: "medium", locale: "zh-CN" }),
  member({ key: "yang.fan", name: "杨帆", phone: "135****5012", birthday: "2003-02-28", tierCode: "silver", joinedDaysAgo: 270, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "zhao.xue", name: "赵雪", phone: null, birthday: "1973-07-11", tierCode: "regular", joinedDaysAgo: 323, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "huang.lei", name: "黄磊", phone: "159****0494", birthday: "1980-12-22", tierCode: "regular", joinedDaysAgo: 376, referrerKey: "liu.yang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "zhou.jie", name: "周杰", phone: "136****3235", birthday: null, tierCode: "silver", joinedDaysAgo: 429, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "wu.jing", name: "吴静", phone: "177****5976", birthday: "1994-10-16", tierCode: "regular", joinedDaysAgo: 482, referrerKey: null, activity: "low", locale: "en" }),
  member({ key: "xu.yang", name: "徐阳", phone: "158****8717", birthday: "2001-03-27", tierCode: "regular", joinedDaysAgo: 535, referrerKey: "zhang.wei", activity: "high", locale: "zh-CN" }),
  member({ key: "sun.yue", name: "孙悦", phone: "131****1458", birthday: "1971-08-10", tierCode: "regular", joinedDaysAgo: 588, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "ma.chao", name: "马超", phone: "138****4199", birthday: "1978-01-21", tierCode: "gold", joinedDaysAgo: 641, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "zhu.lin", name: "朱琳", phone: null, birthday: "1985-06-04", tierCode: "regular", joinedDaysAgo: 694, referrerKey: "liu.yang", activity: "low", locale: "zh-CN" }),
  member({ key: "hu.bin", name: "胡斌", phone: "186****9681", birthday: "1992-11-15", tierCode: "regular", joinedDaysAgo: 47, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "guo.jia", name: "郭佳", phone: "137****2422", birthday: "1999-04-26", tierCode: "silver", joinedDaysAgo: 100, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "he.xin", name: "何欣", phone: "150****5163", birthday: "1969-09-09", tierCode: "regular", joinedDaysAgo: 153, referrerKey: "zhang.wei", activity: "low", locale: "zh-CN" }),
  member({ key: "gao.feng", name: "高峰", phone: "135****7904", birthday: null, tierCode: "regular", joinedDaysAgo: 206, referrerKey: "wang.fang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "lin.xiao", name: "林晓", phone: "188****0645", birthday: "1983-07-03", tierCode: "silver", joinedDaysAgo: 259, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "luo.dan", name: "罗丹", phone: "159****3386", birthday: "1990-12-14", tierCode: "regular", joinedDaysAgo: 312, referrerKey: "liu.yang", activity: "low", locale: "zh-CN" }),
  member({ key: "zheng.kai", name: "郑凯", phone: null, birthday: "1997-05-25", tierCode: "regular", joinedDaysAgo: 365, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "liang.shuang", name: "梁爽", phone: "177****8868", birthday: "2004-10-08", tierCode: "gold", joinedDaysAgo: 418, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "xie.tingting", name: "谢婷婷", phone: "158****1609", birthday: "1974-03-19", tierCode: "regular", joinedDaysAgo: 471, referrerKey: "zhang.wei", activity: "medium", locale: "en" }),
  member({ key: "song.jiayi", name: "宋佳怡", phone: "131****4350", birthday: "1981-08-02", tierCode: "regular", joinedDaysAgo: 524, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "tang.yu", name: "唐宇", phone: "138****7091", birthday: "1988-01-13", tierCode: "silver", joinedDaysAgo: 577, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "xu.nuo", name: "许诺", phone: "139****9832", birthday: "1995-06-24", tierCode: "regular", joinedDaysAgo: 630, referrerKey: "liu.yang", activity: "high", locale: "zh-CN" }),
  member({ key: "han.mei", name: "韩梅", phone: "186****2573", birthday: null, tierCode: "regular", joinedDaysAgo: 683, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "feng.tao", name: "冯涛", phone: null, birthday: "1972-04-18", tierCode: "silver", joinedDaysAgo: 36, referrerKey: "wang.fang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "deng.chao", name: "邓超", phone: "150****8055", birthday: "1979-09-01", tierCode: "regular", joinedDaysAgo: 89, referrerKey: "zhang.wei", activity: "medium", locale: "zh-CN" }),
  member({ key: "cao.ying", name: "曹颖", phone: "135****0796", birthday: "1986-02-12", tierCode: "regular", joinedDaysAgo: 142, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "peng.hao", name: "彭浩", phone: "188****3537", birthday: "1993-07-23", tierCode: "silver", joinedDaysAgo: 195, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "zeng.qi", name: "曾琪", phone: "159****6278", birthday: "2000-12-06", tierCode: "regular", joinedDaysAgo: 248, referrerKey: "liu.yang", activity: "medium", locale: "zh-CN" }),
  member({ key: "xiao.ran", name: "肖然", phone: "136****9019", birthday: "1970-05-17", tierCode: "regular", joinedDaysAgo: 301, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "tian.tian", name: "田甜", phone: "177****1760", birthday: "1977-10-28", tierCode: "gold", joinedDaysAgo: 354, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "dong.ming", name: "董明", phone: null, birthday: "1984-03-11", tierCode: "regular", joinedDaysAgo: 407, referrerKey: "zhang.wei", activity: "medium", locale: "zh-CN" }),
  member({ key: "yuan.fang", name: "袁芳", phone: "131****7242", birthday: null, tierCode: "regular", joinedDaysAgo: 460, referrerKey: null, activity: "high", locale: "en" }),
  member({ key: "pan.yue", name: "潘越", phone: "138****9983", birthday: "1998-01-05", tierCode: "regular", joinedDaysAgo: 513, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "yu.yang", name: "于洋", phone: "139****2724", birthday: "1968-06-16", tierCode: "silver", joinedDaysAgo: 566, referrerKey: "liu.yang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "jiang.xinyi", name: "蒋欣怡", phone: "186****5465", birthday: "1975-11-27", tierCode: "regular", joinedDaysAgo: 619, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "cai.wen", name: "蔡文", phone: "137****8206", birthday: "1982-04-10", tierCode: "regular", joinedDaysAgo: 672, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "yu.hui", name: "余晖", phone: "150****0947", birthday: "1989-09-21", tierCode: "silver", joinedDaysAgo: 25, referrerKey: "zhang.wei", activity: "high", locale: "zh-CN" }),
  member({ key: "du.peng", name: "杜鹏", phone: null, birthday: "1996-02-04", tierCode: "regular", joinedDaysAgo: 78, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "ye.qing", name: "叶青", phone: "188****6429", birthday: "2003-07-15", tierCode: "regular", joinedDaysAgo: 131, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "cheng.yuan", name: "程远", phone: "159****9170", birthday: "1973-12-26", tierCode: "regular", joinedDaysAgo: 184, referrerKey: "liu.yang", activity: "low", locale: "zh-CN" }),
  member({ key: "su.qing", name: "苏晴", phone: "136****1911", birthday: null, tierCode: "gold", joinedDaysAgo: 237, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "wei.dong", name: "魏东", phone: "177****4652", birthday: "1987-10-20", tierCode: "regular", joinedDaysAgo: 290, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "lv.qian", name: "吕倩", phone: "158****7393", birthday: "1994-03-03", tierCode: "regular", joinedDaysAgo: 343, referrerKey: "zhang.wei", activity: "low", locale: "en" }),
  member({ key: "ding.yi", name: "丁一", phone: "131****0134", birthday: "2001-08-14", tierCode: "silver", joinedDaysAgo: 396, referrerKey: "wang.fang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "ren.jie", name: "任杰", phone: null, birthday: "1971-01-25", tierCode: "regular", joinedDaysAgo: 449, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "shen.lu", name: "沈璐", phone: "139****5616", birthday: "1978-06-08", tierCode: "regular", joinedDaysAgo: 502, referrerKey: "liu.yang", activity: "low", locale: "zh-CN" }),
  member({ key: "yao.yuan", name: "姚远", phone: "186****8357", birthday: "1985-11-19", tierCode: "silver", joinedDaysAgo: 555, referrerKey: null, activity: "high", locale: "zh-CN" }),
  member({ key: "lu.wei", name: "卢薇", phone: "137****1098", birthday: "1992-04-02", tierCode: "regular", joinedDaysAgo: 608, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "jiang.tao", name: "姜涛", phone: "150****3839", birthday: "1999-09-13", tierCode: "gold", joinedDaysAgo: 661, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "cui.ying", name: "崔莹", phone: "135****6580", birthday: null, tierCode: "regular", joinedDaysAgo: 14, referrerKey: null, activity: "low", locale: "en" }),
  member({ key: "zhong.hua", name: "钟华", phone: "188****9321", birthday: "1976-07-07", tierCode: "regular", joinedDaysAgo: 67, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "tan.jing", name: "谭晶", phone: null, birthday: "1983-12-18", tierCode: "silver", joinedDaysAgo: 120, referrerKey: "liu.yang", activity: "high", locale: "zh-CN" }),
  member({ key: "lu.chuan", name: "陆川", phone: "136****4803", birthday: "1990-05-01", tierCode: "regular", joinedDaysAgo: 173, referrerKey: null, activity: "low", locale: "zh-CN" }),
  member({ key: "wang.yang", name: "汪洋", phone: "177****7544", birthday: "1997-10-12", tierCode: "regular", joinedDaysAgo: 226, referrerKey: "wang.fang", activity: "dormant", locale: "zh-CN" }),
  member({ key: "fan.bing", name: "范冰", phone: "158****0285", birthday: "2004-03-23", tierCode: "silver", joinedDaysAgo: 279, referrerKey: null, activity: "medium", locale: "zh-CN" }),
  member({ key: "jin.xin", name: "金鑫", phone: "131****3026", birthday: "1974-08-06", tierCode: "regular", joinedDaysAgo: 332, referrerKey: null, activity: "low", locale: "en" }),
];

// ------------------------------------------------------------ campaigns (hints for rule versions)

/** Multipliers are basis points: 10 000 = ×1, 15 000 = ×1.5, 20 000 = ×2. */
export interface DemoCampaign {
  /** Rule key suffix: the rule key is `campaign.<slug>`. */
  slug: string;
  name: { "zh-CN": string; en: string };
  multiplierBps: number;
  /** ISO weekdays (1 = Mon … 7 = Sun) the campaign applies on; null = every day of the window. */
  daysOfWeek: number[] | null;
  /** Window relative to seed time, in whole days; durationDays null = open-ended. */
  startsInDays: number;
  durationDays: number | null;
  window: { "zh-CN": string; en: string };
  stacking: "stack" | "best-only";
  /** Distinct priorities: two best-only campaigns with one priority overlapping in time are ambiguous (the rule editor refuses them). */
  priority: number;
}

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    slug: "weekend-double",
    name: { "zh-CN": "双倍积分周末", en: "Double points weekends" },
    multiplierBps: 20_000,
    daysOfWeek: [6, 7],
    startsInDays: -28,
    durationDays: null,
    window: { "zh-CN": "每周六、周日全天，长期有效", en: "Every Saturday and Sunday, until further notice" },
    stacking: "best-only",
    priority: 0,
  },
  {
    slug: "new-year-fair",
    name: { "zh-CN": "年货节 积分 1.5 倍", en: "New Year shopping fair: 1.5× points" },
    multiplierBps: 15_000,
    daysOfWeek: null,
    startsInDays: 10,
    durationDays: 7,
    window: { "zh-CN": "春节前一周，连续 7 天", en: "The week before Spring Festival, 7 days in a row" },
    stacking: "best-only",
    priority: 1,
  },
];
