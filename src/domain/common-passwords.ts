/**
 * Data for the password policy (src/domain/passwords.ts): the words and numbers attackers try first.
 * Compiled by hand from the well-known public leak rankings (English and Chinese sites) and the
 * patterns Chinese users favour: pinyin words and phrases, names, "love numbers" (520 = 我爱你,
 * 1314 = 一生一世), lucky numbers, places and organisations. Dates, keyboard runs, sequences and
 * repetitions are recognised by rule, not listed. One entry per whitespace-separated token, lower
 * case, letters written plainly (the checker undoes l33t spelling before looking words up).
 */

/** Whole passwords and words from the top of the leak rankings, English and international. */
const ENGLISH = `
password passwd pass word passw0rd secret letmein welcome hello hi hey login logon access admin administrator
root toor user guest test tester testing demo default changeme change temp temporary master superuser system
sysadmin manager server oracle mysql postgres database backup office work company business internet computer
qwerty qwertz azerty iloveyou loveyou iloveu loveme lovely love lover lovers baby babygirl babyboy sweet
sweetie sweetheart honey darling angel angels princess prince queen king kingdom monkey dragon tiger lion
eagle falcon shark wolf bear panda horse pony puppy kitty kitten hellokitty cat dog dogs cats fish bunny
sunshine sunny shadow summer winter spring autumn flower flowers rose daisy lily orange apple banana cherry
lemon peach mango strawberry chocolate cookie cookies candy sugar pepper ginger coffee cheese pizza butter
football soccer baseball basketball hockey golf tennis boxing cricket rugby volleyball skate surfer runner
superman batman spiderman ironman hulk starwars startrek pokemon pikachu naruto goku mario zelda minecraft
fortnite matrix ninja samurai pirate hunter killer warrior soldier sniper gamer player legend hero heroes
freedom liberty justice peace power energy magic wizard merlin dream dreams dreamer forever always whatever
nothing something anything everything trustno1 trust nobody somebody everyone friend friends family mother
father brother sister mommy daddy mom dad michael jennifer jordan michelle jessica ashley amanda daniel
david thomas robert andrew joshua matthew anthony charlie charles william james john johnny jack jackson
george harley hannah nicole justin taylor tyler austin dallas boston chicago london paris berlin tokyo
madrid america american canada england france germany russia mexico brazil china japan korea india
liverpool chelsea arsenal manchester united barcelona realmadrid juventus bayern lakers yankees cowboys
google facebook twitter youtube instagram microsoft windows linux apple iphone android samsung huawei
xiaomi nokia sony intel dell lenovo cisco amazon netflix yahoo hotmail gmail outlook email mail
money cash bank banking credit rich lucky luck winner winning success victory champion champ best number
one two three four five six seven eight nine ten zero first second third alpha beta gamma delta omega
bravo charlie echo foxtrot golf hotel india juliet kilo lima mike november oscar papa romeo sierra tango
victor whiskey xray yankee zulu red blue green yellow black white purple pink silver golden gold diamond
crystal star stars moon sun sky heaven hell devil god jesus christ lord church bible faith hope grace
happy smile funny crazy cool awesome super great good nice pretty beautiful sexy hot cute little big
blessed mylove myself mypass mypassword yourpass newpass oldpass nopass nopassword passpass pass123
asdf asdfgh asdfghjkl qwer qwert qwertyuiop zxcv zxcvb zxcvbn zxcvbnm qazwsx qazwsxedc wsxedc edcrfv
qweasd qweasdzxc asdzxc zaq zaqwsx zaq1 zaq12wsx 1qaz 1qaz2wsx 1qaz2wsx3edc 1q2w3e 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 a1b2c3 a1b2c3d4 a1b2c3d4e5 abc123 abcd1234 abc123456 123abc 123qwe
qwe123 asd123 zxc123 qwerty123 qwerty1 password1 password12 password123 password1234 abcdef abcdefg
abcdefgh abcdefghi abcdefghij abcd abc xyz aaa aaaa zzz zzzz www com net org http https
`;

/** Pinyin words, phrases and names of things Chinese users pick (我爱你, 老婆, 中国 …). */
const PINYIN = `
woaini woaini1314 woainimen aini aiwo woaiwojia wojia aiwojia woaiwolaopo woaiwolaogong laopo laogong
baobei baobao qinaide qinai xiaobao xiaobei xiaoming xiaohong xiaoli xiaowang xiaozhang xiaoliu xiaochen
xiaoyu xiaomei xiaolong xiaohu xiaozhu xiaogou xiaomao xiaotian xiaoxiao xiaobai xiaohei xiaoqiang
zhongguo zhonghua zhongguoren huaxia china beijing shanghai tianjin chongqing guangzhou shenzhen wuhan
nanjing hangzhou chengdu xian xiamen qingdao dalian shenyang harbin changsha zhengzhou jinan hefei
fuzhou nanchang kunming guiyang nanning lanzhou xining yinchuan urumqi lasa huhehaote taiyuan
shijiazhuang hebei henan hubei hunan shandong shanxi guangdong guangxi jiangsu zhejiang anhui fujian
jiangxi sichuan yunnan guizhou gansu qinghai xinjiang xizang neimenggu heilongjiang jilin liaoning
hainan taiwan xianggang aomen yichang
mima mimamima wodemima mimashi mimama dengluming denglu zhanghao yonghu guanliyuan guanli ceshi
zhimakaimen kaimen kaixin kaixinguo xingfu pingan pinganshi jiankang kuaile shengrikuaile shengri
xinnian xinniankuaile guonian chunjie zhongqiu duanwu qingming yuandan guoqing
jiayou nihao nihaoma zaijian xiexie duibuqi meiguanxi haode haoren haohao tiantian tiantianxiangshang
yongyuan yibeizi yishengyishi yishengyiai aiqing aini yiwannian wanwansui wansui
fafa facai fafacai gongxifacai zhaocai caishen dajili daji shunli shunshun liuliu liuliuliu bababa
jiujiu jiujiujiu baobaobao mama baba gege jiejie didi meimei yeye nainai laoye laolao shushu ayi
laoshi xuesheng tongxue pengyou haopengyou xiongdi jiemei
huawei xiaomi tengxun tencent alibaba taobao tianmao jingdong baidu weixin wechat weibo qq qqqq qqq
momo douyin kuaishou zhifubao alipay
jiwei jijian jijianjiancha jiancha jianwei jianchawei jiweijianwei lianzheng fanfu zuzhibu zuzhi ganbu
lingdao dangyuan dangwei zhengfu gongwuyuan danwei bangongshi zhibu shuji zhuren kezhang juzhang
xianzhang xianwei shengwei shiwei gongchandang zhongyang renmin renminfuwu weirenminfuwu xuexi
xuexiqiangguo qiangguo fuxing zhongguomeng zhongguomeng
rongcuo rongcuojiucuo jiucuo chengcuo cuowu
shijie wangluo diannao shouji dianhua tianxia tiankong taiyang yueliang xingxing
longlong feifei yangyang lele beibei jingjing tingting lili nana dandan huanhuan lanlan xinxin
`;

/** The most common Chinese surnames, in pinyin. */
const SURNAMES = `
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei su lu ding ren shen yao
jin fu zhong cui tan lv lu fan wan qian shi dai jia xia fang bai kong qiu qin jiang yan xue hou lei long
duan hao shao mao chang wan gu lai wu kang he yin qiao meng ouyang shangguan zhuge sima
`;

/** Given-name syllables that appear most often in pinyin passwords (张伟, 王芳, 李娜 …). */
const GIVEN_NAMES = `
wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang gui ying
hua hui dan ling yu lan fei hong bo ning kun peng xin lin bin hao jian guo yun xue mei qing zhi yi
tian fan long feng chen chun kai liang rui jia yu xuan zi han hao xi yue ting lu wen bing shan shu
dong hai he zhen xiang ke ni qian jiao rong song wu xiao yao zhong quan lian hong cheng shuang yan
`;

/** Numbers picked for their meaning or shape: love numbers, lucky numbers, emergency numbers. */
const NUMBERS = `
520 521 1314 5201314 1314520 5211314 1314521 520520 521521 13145201314 7758521 74520 530 5130 3344
168 1688 16888 518 5188 888 8888 88888 888888 666 6666 66666 666666 999 9999 99999 999999 777 7777
110 119 120 114 10086 10010 12345 123456 1234567 12345678 123456789 1234567890 0123456789 987654321
9876543210 654321 54321 147258 147258369 159357 159753 357159 258456 789456 789456123 741852963
963852741 112233 11223344 121212 123123 123321 456456 789789 321321 100200 111222 112211 147147
`;

/** Every listed word, number and name syllable, parsed once. */
export const COMMON_WORDS: ReadonlySet<string> = parse(ENGLISH, PINYIN, NUMBERS);
export const COMMON_SURNAMES: ReadonlySet<string> = parse(SURNAMES);
export const COMMON_GIVEN_NAMES: ReadonlySet<string> = parse(GIVEN_NAMES);

function parse(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/)).filter((word) => word.length > 0));
}
