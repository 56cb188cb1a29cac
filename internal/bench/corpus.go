package bench

// The phrases below imitate a Chinese local government work report and its
// English translation. The Chinese is Traditional, rich in characters that
// OpenCC t2s converts, so the derived zh-Hans costs what it would on a real
// report.

var cjkNumerals = []string{"一", "二", "三"}

var topics = [][2]string{
	{"經濟發展穩中提質", "Steady, better-quality economic growth"},
	{"疫情防控態勢良好", "Epidemic prevention and control"},
	{"安全生產形勢穩定", "Workplace safety"},
	{"人居環境持續改善", "A better living environment"},
	{"民生事業全面進步", "Public services and livelihoods"},
	{"基層治理創新實踐", "Innovation in grassroots governance"},
	{"項目建設提速增效", "Faster progress on key projects"},
	{"招商引資成效凸顯", "Investment promotion"},
	{"黨建引領凝聚合力", "Party building and cohesion"},
	{"城市更新有序推進", "Urban renewal"},
}

var headings = [][2]string{
	{"抓實體強根基，經濟發展穩中提質", "Strengthening the real economy"},
	{"抓重點破難點，專項整治紮實推進", "Tackling the hardest problems first"},
	{"抓服務優環境，營商環境持續優化", "Better services for businesses"},
	{"抓民生補短板，群眾獲得感不斷增強", "Closing gaps in public services"},
	{"抓治理促和諧，社會大局安全穩定", "Governance for a stable community"},
	{"抓隊伍轉作風，幹部擔當作為", "A more capable and committed staff"},
	{"抓規劃促更新，城市面貌煥然一新", "Planning for renewal"},
	{"抓宣傳聚共識，文明創建深入人心", "Building consensus and civility"},
}

var indicators = [][2]string{
	{"重點項目", "Key projects"},
	{"新引進企業", "New enterprises"},
	{"技改項目", "Technical upgrading projects"},
	{"整治隱患點", "Hazards fixed"},
	{"新增就業崗位", "New jobs"},
	{"改造老舊小區", "Old residential compounds renovated"},
	{"志願服務活動", "Volunteer activities"},
	{"培訓課程", "Training courses"},
	{"違建拆除點位", "Illegal structures removed"},
	{"綠化提升點位", "Greening sites improved"},
	{"社區服務站", "Community service stations"},
	{"調解糾紛案件", "Disputes mediated"},
}

var leadsZH = []string{
	"一是強統籌，在源頭上落實責任", "二是強動員，在執行上迅速全面", "三是強保障，在細節上精準到位",
	"主要指標逆勢上揚", "自主創新動能澎湃", "項目攻堅有聲有色", "服務保障更加有力", "專項整治成效明顯",
}

var leadsEN = []string{
	"First, coordination at the source", "Second, mobilisation in execution", "Third, support down to the detail",
	"Main indicators rose against the trend", "Innovation gathered momentum", "Projects advanced on every front",
	"Services became more dependable", "Special campaigns showed clear results",
}

// numbered pairs a Chinese and an English sentence stating the same two
// figures: a count and a percentage.
var numbered = [][2]string{
	{"今年以來，累計完成各類項目%d個，完成年度計劃%s%%，在全區排名前列。", "So far this year %d projects of all kinds were completed, %s%% of the annual plan, among the best in the district."},
	{"全年共組織專項行動%d次，群眾滿意度達到%s%%，較上年明顯提升。", "The year saw %d special campaigns; residents' satisfaction reached %s%%, clearly higher than last year."},
	{"新增市場主體%d家，總註冊資本比增%s%%，經濟發展後勁持續增強。", "%d new market entities registered, with registered capital up %s%%, strengthening the basis for growth."},
	{"排查整改各類隱患%d處，整改完成率%s%%，實現動態清零。", "%d hazards of all kinds were found and fixed, a completion rate of %s%%, cleared as they arose."},
	{"開展入戶走訪%d戶次，覆蓋轄區居民%s%%，收集意見建議逐一辦結。", "Staff made %d household visits reaching %s%% of residents, and answered every suggestion collected."},
}

var fillerZH = []string{
	"面對疫情反復、安全生產等複雜嚴峻形勢，街道堅持目標導向、問題導向和結果導向，有力破解各種困難頑疾。",
	"持續推進經濟社會高質量發展，各項工作取得新進展、新成效。",
	"統籌街、居兩級工作人員組建工作專班，做到第一時間掌握重點人員動態，嚴格落實各項管控措施。",
	"通過進居入戶、微信群、社區廣播、電子顯示屏等多種方式加強宣傳，營造全民參與的濃厚氛圍。",
	"堅持以人民為中心的發展思想，把群眾最關心、最直接、最現實的利益問題作為工作的出發點和落腳點。",
	"緊盯重點領域和關鍵環節，建立問題、任務、責任三張清單，實行銷號管理，確保整改到位。",
	"深化「放管服」改革，推行「一窗受理、集成服務」，讓數據多跑路、群眾少跑腿。",
	"組織專門力量深入企業調研走訪，幫助解決用工、融資、用地等實際困難，提振企業發展信心。",
	"強化黨建引領，推動黨員幹部下沉網格，把服務觸角延伸到群眾家門口。",
	"扎實開展人居環境整治，持續推進垃圾分類、違建治理和背街小巷改造，城市面貌明顯改觀。",
	"健全應急管理體系，完善應急預案，定期組織演練，全面提升突發事件處置能力。",
	"加大民生投入，辦好教育、醫療、養老、就業等民生實事，不斷增強群眾的獲得感、幸福感、安全感。",
	"堅持項目為王，實行領導掛鉤、專班推進、倒排工期，全力以赴保障重點項目建設進度。",
	"以「招商突破年」活動為抓手，主動對接優質企業，推動一批好項目、大項目落地見效。",
	"強化安全生產責任制，壓實屬地管理責任、部門監管責任和企業主體責任，守住安全底線。",
	"推進社會治理現代化，完善矛盾糾紛多元化解機制，將各類問題化解在基層、消除在萌芽狀態。",
	"加強幹部隊伍建設，嚴格落實考核獎懲，營造比學趕超、爭先創優的良好氛圍。",
	"鞏固拓展文明城市創建成果，廣泛開展志願服務活動，社會文明程度不斷提高。",
	"對照年度目標任務，逐項分析差距，查找薄弱環節，確保全年任務圓滿完成。",
	"堅持問計於民、問需於民，及時回應群眾關切，切實把好事辦實、把實事辦好。",
}

var fillerEN = []string{
	"Faced with recurring outbreaks and a demanding safety situation, the subdistrict kept its eyes on targets, problems and results.",
	"Work across the economy and society moved forward, with new progress and results in every field.",
	"Staff of the subdistrict and its communities formed task forces that tracked priority groups from the first hour and applied every control measure strictly.",
	"Door-to-door visits, chat groups, community broadcasts and electronic displays spread the word and drew residents in.",
	"The people came first: the interests residents care about most directly became the starting point and the measure of the work.",
	"Lists of problems, tasks and responsibilities were drawn up for the key areas, and each item was closed only when it was fixed.",
	"Administrative reform continued with one-window service, so that data travels instead of residents.",
	"Teams visited enterprises to help with labour, financing and land, and restored confidence in growth.",
	"Party members were assigned to neighbourhood grids, bringing services to residents' doors.",
	"The living environment improved through waste sorting, the removal of illegal structures and the renovation of back streets.",
	"The emergency management system was strengthened: plans were revised and drills held regularly.",
	"More was spent on education, health care, elderly care and jobs, so that residents feel better off, happier and safer.",
	"Key projects had a leader each, a dedicated team and a schedule worked back from the deadline.",
	"The investment drive brought good and large projects to the subdistrict and saw them through to operation.",
	"Responsibility for safety was made explicit for the locality, the regulators and the enterprises themselves.",
	"Disputes were settled through several channels, at the grassroots and before they could grow.",
	"Staff were assessed strictly, with rewards and penalties, encouraging everyone to learn from the best.",
	"The achievements of the civilised-city campaign were consolidated, and volunteer activities were held widely.",
	"Each annual target was checked against progress, weak points were found and addressed, and the year's tasks were completed.",
	"Residents were consulted on what they need, and their concerns were answered promptly and in practice.",
}
