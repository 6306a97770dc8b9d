// Frequent characters used to tell legacy CJK encodings apart: the same bytes decode to common
// characters in the right encoding and to rare ones in the wrong one. The lists favour what CRM and
// ERP exports hold (names, addresses, company words) besides general frequent characters.

const SIMPLIFIED =
  "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切支负" +
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志玉萍红丹辉鹏飞斌宇浩凯健俊帆帅旭宁婷雪琳晶颖倩慧佳欣怡梓涵轩博晨阳雨萱思琪嘉诗" +
  "省市区县镇乡村街路号楼室单元栋巷道厦广场中心有限责任股份集团科技贸易发展实业投资咨询服务管理电子信息网络工程建设" +
  "北京上海天津重庆州深圳杭南武汉成都西安沈阳青岛沙郑济宁波合肥福门昆贵兰哈尔滨春家庄太原呼和浩特乌鲁木齐拉萨银川昌" +
  "客户话手机邮箱址姓名性别男女年龄日期备注额数量订单产品价格状态联系账码编类型销售采购库存供应商";

// Simplified form, traditional form: only the characters above whose traditional form differs.
const TO_TRADITIONAL =
  "这這个個们們为為说說国國时時会會来來对對发發学學过過经經动動开開没沒现現还還进進长長么麼与與后後样樣间間问問关關话話实實当當点點种種头頭东東业業机機电電华華产產区區车車门門书書见見两兩张張从從师師给給几幾让讓认認论論义義术術结結变變联聯权權领領传傳红紅决決达達办辦运運转轉众眾轻輕语語满滿识識极極脸臉钱錢党黨设設历歷双雙议議际際单單据據导導网網飞飛观觀组組视視济濟离離虽雖坏壞兴興负負" +
  "陈陳杨楊赵趙吴吳孙孫马馬郑鄭罗羅谢謝许許韩韓冯馮邓鄧刘劉叶葉苏蘇吕呂卢盧钟鍾谭譚陆陸贾賈韦韋邹鄒闫閆顾顧龚龔严嚴汤湯蒋蔣龙龍贺賀万萬黄黃" +
  "伟偉丽麗军軍艳艷杰傑涛濤兰蘭刚剛辉輝鹏鵬帅帥颖穎静靜强強凯凱轩軒诗詩县縣镇鎮乡鄉号號楼樓栋棟厦廈场場广廣责責团團贸貿资資询詢务務络絡庆慶阳陽岛島户戶别別龄齡额額数數订訂价價态態系係码碼类類销銷购購库庫应應齐齊乌烏鲁魯滨濱银銀庄莊宁寧萨薩贵貴汉漢" +
  "亲親难難体體总總员員报報处處边邊风風战戰觉覺统統请請爱愛该該远遠队隊带帶条條写寫谁誰读讀争爭着著无無将將声聲并並内內却卻儿兒气氣听聽记記题題连連则則专專邮郵备備状狀账帳编編采採尔爾";

function traditionalOf(simplified: string): string {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < TO_TRADITIONAL.length; i += 2) map.set(TO_TRADITIONAL[i]!, TO_TRADITIONAL[i + 1]!);
  let out = "";
  for (const ch of simplified) out += map.get(ch) ?? ch;
  return out + "臺灣台北高雄桃園新竹臺中臺南";
}

const JAPANESE =
  "日本東京都大阪府京北海道神奈川愛知埼玉千葉兵庫福岡県市区町村丁目番地号株式会社有限合同" +
  "田中佐藤鈴木高橋伊渡辺山小林加吉松井上村斎清水崎森池阿部石前後長谷西太三浦近坂遠青竹内金子和野原柴酒工横宮安口今河武杉増平塚久保島岩桜尾菊下新" +
  "電話番号住所氏名年月生性別男女郵便備考額数量注文商品価格状態担当者様御客一二四五六七八九十百千万円時分人上出入学先今話語見行来食気車駅店";

export const COMMON_SIMPLIFIED: ReadonlySet<string> = new Set(SIMPLIFIED);
export const COMMON_TRADITIONAL: ReadonlySet<string> = new Set(traditionalOf(SIMPLIFIED));
export const COMMON_JAPANESE: ReadonlySet<string> = new Set(JAPANESE);
