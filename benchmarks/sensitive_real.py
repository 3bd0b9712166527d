"""`text.sensitive` on real pages: injected gambling and porn keyword spam against legitimate decoys.

    .venv/bin/python -m benchmarks.sensitive_real

benchmarks/data/sensitive_real.jsonl holds text as crawled from real pages (each with its address): pages
of hijacked or cloned government and news sites with gambling or porn keywords injected into the title,
the source line or the footer ("spam"), and legitimate pages that use the same vocabulary — crackdown
news, police warnings, Macau government news on its regulated gaming industry ("legit"). A page counts as
flagged when find_sensitive reports anything on its text. Splits, in the order they were collected:
  dev      looked at while writing the keyword-stuffing families and the page-level context;
  held_out collected with dev, before any change, but read while collecting (so not blind): the generic
           rules alone found 3 of 5; the brand-name pattern added afterwards finds all 5;
  fresh    collected after those changes and run once: 1 of 4 found; then 真人真钱 and the landing-page
           actions (充值, 首充, 返水) were added: 3 of 4 (touched);
  fresh2, fresh3  collected last; first run 0 of 2 found, no decoy fired (the honest numbers). Then a
           pattern for Latin brand names not on the list (字母串 + 体育/娱乐 + 官网/app …) was added: fresh3's
           uedbet is found (touched); fresh2's quoted porn-site menu stays missed.
  untouched2  real page markup ("html" rows instead of "text"): link blocks, hidden links and script-written
           links from public repositories that hold real pages, spam generators and ad scripts, against real
           hidden menus, credit links, statistics snippets and gov.cn markup; judged as the check judges a
           crawled page (page_text, then find_sensitive on its main text and chrome, find_dark_links on its
           hidden content and links). Each row names the repository file (or the code-index id under which
           the file was found when the index did not name it) and keeps only the block that matters.
           First run, before any change: 4 of 7 found, no decoy fired. The two script-written link blocks
           ($('.box').append(html)) were missed because only document.write and innerHTML counted as a
           script writing markup; with jQuery's insertion methods and insertAdjacentHTML added: 6 of 7
           (touched). Still missed: hidden English counterfeit-goods links (u04), outside the gambling, porn
           and lottery vocabulary and domains the check judges by.
  untouched3  collected after that change and run once: two real injections of foreign scripts (a hacked
           index.php that answers search-engine visitors with a single <script src> from another host; four
           <script src=https://lefengtv.com/site.js> injected after a film's name, quoted in a maccms8
           issue) against a government page's own service script and a hidden statistics script. First
           run: 0 of 2 found, no decoy fired — a script included from a foreign host is not judged at all
           (its code is not on the page and its host is on no list); not changed here.
  untouched4  collected before the foreign-script change, from GitHub issues that quote injected markup and
           code-index files that hold real pages: three injected foreign scripts (a script tag repeated eight
           times in a WordPress page, an obfuscated loader that document.writes a <script src>, a hijacked
           "CDN" script) against 17 legitimate pages that include third-party scripts as government pages do
           (CNZZ and Baidu statistics, also in hidden divs and before the doctype, sharing buttons, the
           党政机关 emblem, error-report buttons on a company's domain, accessibility scripts written with
           document.writeln, 云适配 on 首都之窗, hidden tag links of a site). A row may carry the page's
           address ("url"), which tells the site's own domain. First run, before any change: 0 of 3 found,
           0 of 17 decoys fired. After the change (checks/hosts.py, foreign scripts and hidden link farms in
           checks/hidden.py and checks/sensitive.py): 2 of 3 found, 0 of 17 fired; untouched3 2 of 2 and
           untouched2's u04 found too (both splits touched now); the hijacked CDN script stays missed (a single
           script in an ordinary place, from a host that looks like a CDN).
  untouched5  collected after that change and run once, blind: a zero-size iframe of another site and a
           file infector's VBScript dropper appended after </html> (Ramnit, in a repository's index.html)
           against 7 pages with library scripts and an app bundle written after </html>, a zero-size YouTube
           player, 云适配 and TRS statistics scripts. First run: 1 of 2 found, 3 of 7 decoys fired (the
           position "after </html>" was taken for a sign whatever stood there; YouTube was on no list).
           Then: a script outside <html> counts only when it is the one tag there, a page with nothing else
           only when it has one script address, video sites joined the list, and a VBScript that writes and
           runs a file is reported: 2 of 2, 0 of 7 (touched now).
  decoys6  five more legitimate pages collected after that, decoys only, run once blind: 2 of 5 fired, each a
           single script after </html> (an icon-font kit, a script of the site's own domain). No injected
           script after </html> was found in any real material, five legitimate ones were: the position
           no longer counts (what follows </html> is still read); a lone script before the doctype does.
  decoys7  one more legitimate page found after that, run once: a non-government site's zero-size iframe
           to its sister service's session page, reported (a stranger's zero-size frame). Left as it is: the
           injected frame of untouched5 y01 has the same shape; on government portals a sister service
           is a government domain. This false alarm is counted in "all".
  blind8   28 rows collected after that (2026-12-02) and run once before any change: injected porn titles
           (7 pages whose body is in traditional characters or mirrored), lottery spam inside mirrored news
           ("加拿大28" menus, "ww777766香港开奖结果" in a title), three pages that include a script from the CDN
           hijacked in 2024 (cdn.polyfill.io; two more that load jQuery from cdn.bootcss.com and
           cdn.staticfile.org, named in the same reports, were relabelled legitimate on merge: those CDNs still
           serve their files and many government templates use them), against crackdown news in
           traditional characters that names the shut-down sites, police warnings, WeChat SDK, Baidu
           statistics and map scripts, a shop's hidden lottery channel. First run: 7 of 14 found, 1 of 14
           decoys fired (caipiao.m.jd.com taken for a gambling domain). Then lexicons/compromised_hosts.txt,
           the lottery patterns, betting-score brands, the porn-menu family and the stranger test for spam
           domains: 14 of 14, 0 of 14 (touched); fresh's s24, fresh2's s29 and untouched4's v03 found too.
  blind9   11 rows collected after that change and run once: 3 of 3 found, 0 of 8 decoys fired (main: 1 of 3).
           Thin: two of the three are pages with polyfill.io, the class the change was made for.
  blind10  11 rows collected after blind9 and run once: 1 of 2 found (missed: a Macau-lottery SEO article,
           "新澳门每天免费开奖"), 1 of 9 decoys fired (a musician's hidden references, two of them Yahoo! pages,
           taken for a link farm). Then the farm's site must take half of the bare hidden outbound links and
           the Mark Six pattern allows four characters in between: 2 of 2, 0 of 9 (touched).
  blind11  10 rows collected after that and run once: 1 of 4 found (three SEO articles end in porn search
           phrases with emoji between the characters: "被❎黄漫在线观看"), 2 of 6 decoys fired (六合彩 in Hong
           Kong's own lottery news). Then emoji_evasion, cues read in simplified characters, a word's own cues
           in its sentence (金多宝, 搅珠): 4 of 4, 0 of 6 (touched).
  blind12  8 rows collected after that and run once: 1 of 3 found, 2 of 5 decoys fired (代开发票 in a tax
           agreement's list, in a back-office menu). Then a word's own cues on the whole page unless an
           advertiser's contact stands beside it, and 网络博彩 and its synonyms: 2 of 3, 1 of 5 (touched;
           still missed: a casino's customer-service text; still reported: the back-office menu).
  blind13  16 rows collected after that and run once: 2 of 3 found (missed: a "三退" article), 10 of 13
           decoys fired — Taiwan Affairs Office statements against 台独 and anti-cult education naming 法轮功,
           the commonest legitimate use of these words on government sites. Then cues per category (分裂:
           反对, 遏制 …; 邪教: 取缔, 反邪教 …) and the cult's own slogans as a stuffing pattern: 3 of 3, 2 of 13
           (touched; still reported: two anti-cult texts with few stance words).
  blind14  9 rows collected after that and run once: 1 of 1 found, 3 of 8 decoys fired (police warnings on 裸聊
           extortion, written in short lines). Then cues for the 色情 category and page-level cues counted with
           the general ones: 1 of 1, 1 of 8 (touched).
  blind15  9 rows collected after the last change and run once, not changed after: 2 of 2 found, 0 of 7 decoys
           fired (anti-drug campaigns naming 冰毒, notices on 翻墙软件). main does the same on them.
  decoys16 1 row added on merge: a police report on Falun Gong leaflets (traditional characters) that quotes
           the cult's slogan 诚念法轮大法好 in its prose; the sens5 branch reported the slogans wherever they stood
           and fired on it. Slogans in prose now take the 邪教 category's cues; short lines are still reported.
  blind16-blind20  64 rows collected after that (sens6, 2026-12-02; 6 more that had the source of an earlier row
           were dropped before the run) and run once before any change: 14 of 29 found, 11 of 35 decoys fired
           (results/sensitive_real-2026-12-02-blind16.txt). Misses: betting sites' bonus terms, casino and
           private-lottery menus, a sex-service lead, porn titles without 在线观看, 天天开好彩, 澳门…登录入口,
           hidden counterfeit and "buy" links, a transparent full-page link overlay (clickjacking). False alarms:
           代开发票 in tax apps, invoice tools and a bookkeeping offer; 时时彩 in a court's case study; 网络赌博 in
           police warnings; 娱乐城 on a map and in a game hub; Macau casino news. Then advertised_only (代开发票
           only beside a seller's contact), court and police cues for 赌博, the betting-terms, casino-menu and
           sex-service families (gated), near-zero opacity and the overlay, English spam words of hidden links:
           27 of 29, 2 of 35 (touched).
  blind21  13 rows collected after that change and run once: 1 of 5 found, 0 of 8 decoys fired (game
           private-server and surrogacy leads, a casino's mirror 线路). Then those as words or markers: 5 of 5
           (touched).
  blind22  14 rows collected after that and run once: 4 of 7 found, 0 of 7 decoys fired (现金网 twice, 开元棋牌).
           Then those as words: 7 of 7 (touched).
  blind23  7 rows collected after the last change and run once, not changed after: 2 of 2 found, 1 of 5 decoys
           fired (北京日报 on a unit's page that showed a casino: 博彩网站 with its cues out of reach).
  blind24  43 rows collected (sens7, 2026-12-02) and run once before any change: 16 of 23 found, 1 of 20 decoys
           fired (results/sensitive_real-2026-12-02-blind24.txt). Misses: "PG电子" (an online casino's slot provider)
           in a hijacked sub-domain's title and two SEO article farms; prostitution-lead titles (同城快约一夜,
           一夜倩找附近的女人, 找个女人100米过夜); a casino platform's list of brands. False alarm: a police warning on 裸聊
           whose "QQ主動與郭某…" counted as an advertiser's contact. Then slot providers as words, the lead titles as
           patterns, police cues for 色情, a contact's account in Latin letters and digits: 22 of 23, 0 of 20 (touched).
  blind25  22 rows collected after that and run once: 9 of 9 found (main: 8 of 9), 4 of 13 decoys fired (main:
           the same 4) — a bug report and a blog post on hijacked sites, two Macau gaming-revenue reports
           (results/sensitive_real-2026-12-02-blind25.txt, …-blind25-main.txt). Then cues of hacked-site reports and
           Macau revenue statistics for 赌博, 约谈/整改/责令 as general cues: 9 of 9, 0 of 13 (touched).
  blind26  48 rows collected (sens8, 2026-12-02) and run once before any change: 10 of 20 found, 0 of 28 decoys
           fired (results/sensitive_real-2026-12-02-blind26.txt). Misses: porn titles in words the family lacked
           (超碰, 乱子伦, jizz), 亚搏体育app, 新葡京棋牌, a priced 附近人 lead, a casino menu that page_text put in neither the
           main content nor the chrome (text.sensitive now reads PageText.rest, the rest of the page and the whole
           <title>). Then those, quotations on pages about hijacked sites, a word's legitimate use carried to its
           other prose occurrences: 16 of 20, 0 of 28 (touched; still missed: a hidden French link, 凯捷体育娱乐, a
           betting site's rules, Vietnamese betting SEO).
  blind27  10 rows collected after that and run once: 4 of 6 found, 0 of 4 decoys fired (an ad's 网赌 taken for a
           warning's cue, its contacts written 薇/扣/飞机; 极速飞艇). Then evasive contacts, a contact beside stuffing
           overruling cues, 极速 private lottery games: 6 of 6, 0 of 4 (touched).
  blind28  26 rows collected (sens9, 2026-12-02; none shares a source with an earlier row) and run once before
           any change: 8 of 14 found, 4 of 12 decoys fired (results/sensitive_real-2026-12-02-blind28.txt).
           Misses: a casino brand as the mirrored news agency's name (大澳门威尼斯人赌场官网记者), two Vietnamese
           betting SEO titles, a porn title of 导航/天天综合 words, a casino agent's page (太阳城集团, 线路, 立即开户), an
           online casino's slot-machine page (PT老虎机, 免费试玩). False alarms: Macau's official gazette on 百家乐
           rules and a law on casino concessions, gov.mo's 旅遊及博彩 menu, a portal's 彩票 link to its own lottery
           channel. Then a visible link into the site or a government site counts as its own menu, Macau gaming-law
           cues, casino-site footers, Vietnamese betting SEO and porn navigation titles as stuffing families, 赌场官网:
           13 of 14, 0 of 12 (touched; still missed: 28s14, the slot-machine page). blind26's 26s13 is found too.
  blind29  10 rows collected after that change and run once, not changed after: 2 of 4 found, 0 of 6 decoys fired
           (main: the same; results/sensitive_real-2026-12-02-blind29.txt, …-blind29-main.txt). Misses: a mirrored news
           site renamed "ca88亚洲城" in its logo, breadcrumb and "ca88亚洲城娱乐阅读"; a porn title with one subject word
           (国产 twice). The decoys are welfare-lottery news and a securities app's 开户送 offer. Then a casino name of
           Latin letters and digits before 亚洲城/娱乐城, and 又黄又爽, 又粗又猛, 无遮挡 as porn subjects: 4 of 4 (touched).
  blind30  10 rows collected after that and run once: 4 of 4 found (main: 3 of 4; the new 赌场官网 pattern finds a
           casino's bonus terms), 2 of 6 decoys fired, on main too (results/sensitive_real-2026-12-02-blind30.txt,
           …-blind30-main.txt): two short issues reporting that a linked site "变成博彩网站"/"变成赌博网站".
           Then 网站变成, 官网变成, 链接变成 … as cues of a report on a taken-over site: 4 of 4, 1 of 6 (touched; still
           reported: 30l01's short second line "这是个博彩网站").
  blind31  9 rows collected after that and run once, mostly decoys for the new rules: 1 of 2 found, 0 of 7 decoys fired
           (main: the same; results/sensitive_real-2026-12-02-blind31.txt, …-blind31-main.txt). Decoys: Macau's gaming
           inspectorate's list of laws, the gazette's list of junket operators (公司名 with 娛樂, 博彩中介), two Macau
           government news items on slot halls and betting centres, a lawyer's column on gaming revenue, Vietnamese state
           lottery results and companies. Miss: a casino's help-centre menu (存款帮助, 取款帮助, 防劫持教程).
           Then 防劫持 in the casino-footer family: 2 of 2 (touched).
  blind32  7 rows collected after the last change and run once, not changed after: 4 of 4 found, 0 of 3 decoys fired,
           main the same (easy: porn title, casino platform pages; decoys are police warnings on online gambling).
  blind33  30 rows collected (sens10, 2026-12-02; none shares a source with an earlier row) and run once before any
           change: 7 of 15 found, 4 of 15 decoys fired (results/sensitive_real-2026-12-02-blind33.txt). Misses: betting
           brands as a list or a landing page (开云体育, 星空体育, 太阳城, 新葡京 …), a 娱乐城's member terms, an online casino's
           bonus page (娛樂場即時紅利), Vietnamese kuwin SEO, a brand put into a mirrored headline (欧博庄家) or in place of
           "关于" in a county notice (英国威廉希尔公司_官方网站:), a surrogacy agency's 代母 lead. False alarms: news on
           underground 六合彩 (three pages, one quoting a seller's cry) and a feature on surrogacy in California.
           Then 地下, 私彩 as cues for 赌博, a list of online-only betting brands as a stuffing family, a casino's own
           voice (本娱乐城, 注单), 公司 between a brand and 官方网站, an 80-letter window for Vietnamese, 代母: 13 of 15,
           1 of 15 (touched; still missed: 33s08, 33s12; still reported: 33l10, the surrogacy feature).
  blind34  19 rows collected after that change and run once: 5 of 9 found, 4 of 10 decoys fired, main the same
           (results/sensitive_real-2026-12-02-blind34.txt, …-blind34-main.txt). Misses: a betting platform's SEO heading
           on article pages ("恒耀平台网址【Q-——333307——】", "星空体育平台网址…"), "星空体育app" cards, Vietnamese 98win
           sports-score SEO. False alarms: four lawyers' and scholars' texts on surrogacy custody cases (代孕 with
           法院, 抚养权, 监护权). The new brand-list family stayed quiet on sports odds news (威廉希尔, BET365), a TV
           channel list with 星空体育 and a company named 华奥星空体育; novels set in casinos stayed quiet.
           Then court and legal-writing cues for 代孕, 星空 and 米兰 as brands before a call, up to two words between
           brand and call: 6 of 9, 1 of 10 (touched; lost: 34s08, an agency's breadcrumbs above a custody story).
  blind35  12 rows collected after all of that and run once, not changed for: 2 of 4 found, 1 of 8 decoys fired, main the
           same (results/sensitive_real-2026-12-02-blind35.txt, …-blind35-main.txt). Misses: two Vietnamese bookmaker SEO
           titles (kuwin … nhà cái uy tín … fb88; 98win … bóng đá); false alarm: a story on a romance scam that names the
           casino site "澳门金沙娛樂城" in quotation marks. Decoys that stayed quiet: five texts against 全能神, two police
           stories on 杀猪盘 (赌博平台充值, 彩票 app).
           Then Vietnamese bookmakers' names (98win, kuwin, fb88 …) as subjects: 4 of 4, 1 of 8 (touched).
  blind36  6 rows collected after the last change and run once, not changed after: 1 of 1 found, 0 of 5 decoys fired,
           main the same (easy: a porn title; decoys are news on surrogacy crackdowns and Hong Kong's Mark Six jackpots).
           Most candidates of this round already stood in the data under the same address and were dropped.
Prints recall and precision per split and every miss and false alarm.

    .venv/bin/python -m benchmarks.sensitive_real --clean-html ge_policy_raw20190217.sql

--clean-html: the html column of ZhouYNF/platform-1@2197df5 db/ge_policy_raw20190217.sql (60 State Council
  policy pages as crawled from www.gov.cn, 1.9 MB of real markup with opacity:0 banner links and hidden
  tabs): every text.sensitive alarm the page judgement raises on it is listed (none expected).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Collection
from pathlib import Path

from checks.hosts import own_sites
from checks.sensitive import find_dark_links, find_sensitive
from checks.text import page_text

DATA = Path(__file__).resolve().parent / "data" / "sensitive_real.jsonl"
SPLITS = ("dev", "held_out", "fresh", "fresh2", "fresh3", "untouched2", "untouched3", "untouched4", "untouched5",
          "decoys6", "decoys7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15",
          "decoys16", "blind16", "blind17", "blind18", "blind19", "blind20",
          "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30",
          "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39",
          "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49",
          "blind50", "blind51", "blind52", "blind53", "blind54", "blind55", "blind56", "blind57", "blind58", "blind59",
          "blind60", "blind61", "blind62", "blind63", "blind64", "blind65", "blind66", "blind67", "blind68",
          "blind69", "blind70", "blind71", "blind72", "blind73", "blind74", "blind75", "blind76", "blind77", "blind78",
          "blind79", "blind80", "blind81", "blind82", "blind83", "blind84", "blind85", "blind89", "blind93", "blind94",
          "blind99", "blind100", "blind105", "blind106", "blind113", "blind114",
          "blind121", "blind122", "blind126", "blind133", "blind134", "blind139", "blind140", "blind145", "blind146",
          "blind150", "blind152", "blind156", "blind159", "blind162", "blind171", "blind172", "blind173", "blind174",
          "blind181", "blind186", "blind193", "blind194", "blind201", "blind202", "blind209", "blind210",
          "blind217", "blind218", "blind225", "blind226", "blind233", "blind234",
          "blind241", "blind242", "blind249", "blind250", "blind257", "blind258",
          "blind265", "blind266", "blind273", "blind274", "blind281", "blind282",
          "blind289", "blind290", "blind297", "blind298", "blind305", "blind306", "blind313",
          "blind320", "blind321", "blind328", "blind329", "blind336", "blind337", "blind344", "blind345", "blind350", "blind351",
          "blind358", "blind359", "blind366", "blind367", "blind374", "blind375", "blind382", "blind383", "blind390", "blind391",
          "blind398", "blind399", "blind406", "blind407", "blind413", "blind414", "blind421", "blind422",
          "blind429", "blind430", "blind437", "blind438",
          "blind445", "blind446", "blind453", "blind454",
          "blind461", "blind462", "blind469", "blind470")


def load_rows() -> dict[str, dict]:
    """The labelled rows of DATA by id, in file order."""
    return {r["id"]: r for r in (json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x.strip())}


def row_ids(rows: dict[str, dict], splits: Collection[str], label: str, leave_out: Collection[str] = ()) -> list[str]:
    """The ids of the rows of `splits` labelled `label` ("spam" or "legit"), less `leave_out`, sorted."""
    return sorted(i for i, r in rows.items() if r["split"] in splits and r["label"] == label and i not in leave_out)


def outcome(rows: dict[str, dict], split: str) -> tuple[set[str], set[str]]:
    """(the spam rows of `split` that nothing is reported on, the legitimate rows that something is)."""
    return ({i for i in row_ids(rows, [split], "spam") if not judge(rows[i])},
            {i for i in row_ids(rows, [split], "legit") if judge(rows[i])})


def judge_html(html: str, url: str | None = None) -> list[tuple[str, str, str]]:
    """What text.sensitive reports on a crawled page: words and stuffing in its main text and chrome, and
    its dark links (word, category, where) — where is the hiding technique and the target for links."""
    page = page_text(html)
    hits = find_sensitive(f"{page.main}\n{page.rest}" if page.rest else page.main) + find_sensitive(page.chrome)
    links = find_dark_links(tuple((t, x, h) for t, x, h, _ in page.hidden), own_sites([url]))
    return hits + [(x["matched"], x["category"], f"{x['technique']} -> {x['href']}") for x in links]


def judge(row: dict) -> list[tuple[str, str, str]]:
    return judge_html(row["html"], row.get("url")) if "html" in row else find_sensitive(row["text"])


def clean_html(path: Path) -> None:
    """Alarms on the html column of a SQL dump of real government pages (one INSERT per page)."""
    literal = re.compile(r"'((?:[^']|'')*)'|null|-?\d+(?:\.\d+)?")
    pages = []
    for row in path.read_text("utf-8", errors="replace").split("insert into ")[1:]:
        values = [m.group(1).replace("''", "'") if m.group(1) is not None else None
                  for m in literal.finditer(row.split(" values (", 1)[1])]
        if values[-2]:
            pages.append((values[1], values[-2]))
    alarms = [(url, hit) for url, html in pages for hit in judge_html(html, url)]
    mb = sum(len(html.encode()) for _, html in pages) / 1e6
    print(f"== clean html: {len(pages)} pages, {mb:.2f} MB: {len(alarms)} text.sensitive alarms")
    for url, (word, category, where) in alarms:
        print(f"  alarm {url}: {word} [{category}] {where}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean-html", type=Path)
    args = parser.parse_args()
    if args.clean_html:
        clean_html(args.clean_html)
        return
    rows = list(load_rows().values())
    for split in (*SPLITS, "all"):
        part = [r for r in rows if split == "all" or r["split"] == split]
        spam = [r for r in part if r["label"] == "spam"]
        flagged = [(r, judge(r)) for r in part]
        hit = [r for r, h in flagged if h and r["label"] == "spam"]
        alarms = [(r, h) for r, h in flagged if h and r["label"] == "legit"]
        n_flagged = sum(1 for _, h in flagged if h)
        print(f"== {split}: {len(spam)} spam pages, {len(part) - len(spam)} legitimate pages")
        print(f"recall    {len(hit)}/{len(spam)} = {len(hit) / max(1, len(spam)):.2f}")
        print(f"precision {len(hit)}/{n_flagged} = {len(hit) / max(1, n_flagged):.2f}")
        if split != "all":
            for r, h in flagged:
                if r["label"] == "spam" and not h:
                    print(f"  missed {r['id']} {r['kind']}: {r.get('text', r.get('html', ''))[:60]!r}")
            for r, h in alarms:
                print(f"  false alarm {r['id']} {r['kind']}: {[w for w, _, _ in h]}")
            for r, h in flagged:
                if r["label"] == "spam" and h:
                    print(f"  found {r['id']}: {sorted({w + '/' + c for w, c, _ in h})}")


if __name__ == "__main__":
    main()
