// Preset scenarios from the seed material, one click each. Every preset fixes
// `now`, so the suggestion it shows is reproducible. 2026-11-24 is a Tuesday.

const SHOP = {
  name: '小美家女装',
  avgOrderValue: 80,
  margin: 0.4,
  closeAfterHours: 72,
  quietBefore: '10:00',
  lunchBreak: ['12:00', '13:30'],
  sevenDayReturn: true,
  sameDayShipping: true,
  smsOptOut: '回T退订'
};

const at = (day, hhmm) => `2026-11-${day}T${hhmm}:00+08:00`;

export const PRESETS = [
  {
    id: 'silent-morning',
    label: { 'zh-CN': '上午静默下单', 'zh-TW': '上午靜默下單', en: 'Silent morning order' },
    seed: '000, 001: 未询单 / 上午单 当日12点前; never before 10:00',
    context: {
      now: at(24, '09:20'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '08:40'), amount: 59, items: [{ title: '纯棉圆领打底衫', quantity: 1, price: 59 }] },
      buyer: { nick: 'tb_lili2019' },
      messages: [],
      shop: { ...SHOP }
    }
  },
  {
    id: 'size-question',
    label: { 'zh-CN': '下午单·问过尺码', 'zh-TW': '下午單・問過尺碼', en: 'Afternoon order after a size question' },
    seed: '001: 下午单 当日17点前; 002: answer fast',
    context: {
      now: at(24, '15:05'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '14:32'), amount: 199, items: [{ title: '双面羊绒大衣 燕麦色', quantity: 1, price: 199 }] },
      buyer: { name: '陈静', nick: '静静的小猫', gender: 'female' },
      messages: [
        { from: 'buyer', text: '你好，我身高165体重110斤，穿什么码？', at: at(24, '14:20') },
        { from: 'agent', text: '亲，按您的身材建议拿M码哦~', at: at(24, '14:22') },
        { from: 'buyer', text: 'M码肩宽多少？会不会偏小啊', at: at(24, '14:30') }
      ],
      shop: { ...SHOP }
    }
  },
  {
    id: 'baby-21',
    label: { 'zh-CN': '母婴店·晚上9点下单', 'zh-TW': '母嬰店・晚上9點下單', en: 'Baby shop, 21:00 order' },
    seed: '001 exercise: 母婴店铺，顾客晚9点拍下; 傍晚单 22点前',
    context: {
      now: at(24, '21:12'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '21:00'), amount: 128, items: [{ title: '婴儿纸尿裤 L码 2包', quantity: 2, price: 64 }] },
      buyer: { nick: '乐乐妈咪' },
      messages: [],
      shop: {
        ...SHOP,
        name: '贝贝母婴旗舰店',
        avgOrderValue: 150,
        margin: 0.25,
        gifts: ['婴儿湿巾1包']
      }
    }
  },
  {
    id: 'returning-263',
    label: { 'zh-CN': '老顾客263元订单', 'zh-TW': '老顧客263元訂單', en: "Returning buyer's 263-yuan order" },
    seed: '001 exercise: 女装店铺，平均客单价80元，老顾客263元订单3小时未付款',
    context: {
      now: at(24, '14:10'),
      locale: 'zh-CN',
      order: {
        placedAt: at(24, '11:10'),
        amount: 263,
        items: [
          { title: '法式碎花连衣裙', quantity: 1, price: 169 },
          { title: '针织开衫', quantity: 1, price: 94 }
        ]
      },
      buyer: { name: '王丽', nick: 'wangli_1988', returning: true, audience: 'office', gender: 'female' },
      messages: [],
      shop: { ...SHOP }
    }
  },
  {
    id: 'payday',
    label: { 'zh-CN': '余额不足·等发工资', 'zh-TW': '餘額不足・等發薪水', en: 'Balance short until payday' },
    seed: '001: 余额不足 → ask when they can top up, remind shortly before',
    context: {
      now: at(24, '11:05'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '10:41'), amount: 329, items: [{ title: '加厚羽绒服', quantity: 1, price: 329 }] },
      buyer: { nick: '追风的少年', audience: 'office' },
      messages: [
        { from: 'buyer', text: '先拍下了，卡里钱不够，等周五发工资再付可以吗？', at: at(24, '10:43') },
        { from: 'agent', text: '可以的亲，给您留着哦~', at: at(24, '10:45') }
      ],
      shop: { ...SHOP }
    }
  },
  {
    id: 'forgot-password',
    label: { 'zh-CN': '忘记支付密码', 'zh-TW': '忘記支付密碼', en: 'Forgot the password' },
    seed: '001: 忘记密码 → explain how to recover it, warmly; follow up',
    context: {
      now: at(24, '16:20'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '16:02'), amount: 89, items: [{ title: '保暖加绒打底裤', quantity: 1, price: 89 }] },
      buyer: { nick: 'momo_zhang' },
      messages: [
        { from: 'buyer', text: '支付密码忘了，输错三次被锁了，怎么办啊', at: at(24, '16:06') }
      ],
      shop: { ...SHOP }
    }
  },
  {
    id: 'bargain',
    label: { 'zh-CN': '讨价还价', 'zh-TW': '討價還價', en: 'Bargaining' },
    seed: '001: 议价不成功 → stress value, coupon or gift within margin',
    context: {
      now: at(24, '19:40'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '19:18'), amount: 238, items: [{ title: '真丝印花衬衫', quantity: 1, price: 238 }] },
      buyer: { nick: '小鱼儿' },
      messages: [
        { from: 'buyer', text: '能便宜点吗？少20我就付了', at: at(24, '19:10') },
        { from: 'agent', text: '亲，这已经是活动价啦，质量您放心~', at: at(24, '19:12') },
        { from: 'buyer', text: '那能送点什么吗', at: at(24, '19:20') }
      ],
      shop: { ...SHOP, coupon: '满200减10元店铺券', gifts: ['真丝发圈'] }
    }
  },
  {
    id: 'comparing',
    label: { 'zh-CN': '和别家比价', 'zh-TW': '和別家比價', en: 'Comparing with another shop' },
    seed: '001: 另寻商家 → time-limited offer, same-day shipping, gift',
    context: {
      now: at(24, '20:15'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '19:52'), amount: 119, items: [{ title: '高腰阔腿牛仔裤', quantity: 1, price: 119 }] },
      buyer: { nick: 'sunny小太阳', audience: 'student' },
      messages: [
        { from: 'buyer', text: '别家同款才99，你们怎么贵这么多？我再看看', at: at(24, '19:58') }
      ],
      shop: { ...SHOP, gifts: ['同色系袜子一双'] }
    }
  },
  {
    id: 'flash-sale',
    label: { 'zh-CN': '秒杀20分钟内关闭', 'zh-TW': '秒殺20分鐘內關閉', en: 'Flash sale closing in 20 minutes' },
    seed: '001 script: 20分钟如未支付，系统将关闭交易',
    context: {
      now: at(24, '20:05'),
      locale: 'zh-CN',
      order: {
        placedAt: at(24, '20:01'),
        closesAt: at(24, '20:21'),
        amount: 39.9,
        items: [{ title: '秒杀 羊毛混纺围巾', quantity: 1, price: 39.9 }]
      },
      buyer: { nick: '抢购达人' },
      messages: [],
      shop: { ...SHOP, campaign: { name: '限时秒杀', waves: [], limitedStock: true } }
    }
  },
  {
    id: 'double-11',
    label: { 'zh-CN': '双11分波催付', 'zh-TW': '雙11分波催付', en: 'Double-11 waves' },
    seed: '001: 双十一 第一波10点 第二波13点; big orders by phone, under 1 minute',
    context: {
      now: '2026-11-11T09:30:00+08:00',
      locale: 'zh-CN',
      order: {
        placedAt: '2026-11-11T00:20:00+08:00',
        amount: 899,
        items: [{ title: '真丝四件套', quantity: 1, price: 899 }]
      },
      buyer: { name: '张伟', nick: 'zhangwei_sh', gender: 'male', audience: 'office' },
      messages: [],
      shop: {
        ...SHOP,
        name: '丝语家纺',
        avgOrderValue: 300,
        margin: 0.45,
        campaign: { name: '双11', waves: ['10:00', '13:00'], dates: ['2026-11-11'], limitedStock: true },
        gifts: ['纯棉枕套一对']
      }
    }
  },
  {
    id: 'changed-mind',
    label: { 'zh-CN': '买家不想要了', 'zh-TW': '買家不想要了', en: 'Buyer changed their mind' },
    seed: '000: 拍错了/不想要了 → do not push',
    stop: true,
    context: {
      now: at(24, '15:40'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '15:10'), amount: 149, items: [{ title: '短款毛呢外套', quantity: 1, price: 149 }] },
      buyer: { nick: '糖糖' },
      messages: [
        { from: 'buyer', text: '不好意思拍错了，这个我不要了', at: at(24, '15:15') }
      ],
      shop: { ...SHOP }
    }
  },
  {
    id: 'paid',
    label: { 'zh-CN': '订单已付款', 'zh-TW': '訂單已付款', en: 'Order already paid' },
    seed: 'paid orders get no reminder',
    stop: true,
    context: {
      now: at(24, '10:30'),
      locale: 'zh-CN',
      order: { placedAt: at(24, '10:05'), amount: 75, paid: true, items: [{ title: '毛线帽', quantity: 1, price: 75 }] },
      buyer: { nick: 'xiaoyu' },
      messages: [{ from: 'buyer', text: '付好了，麻烦尽快发货哦', at: at(24, '10:12') }],
      shop: { ...SHOP }
    }
  }
];
