"""How the genre writes numbering and responsibility: one test per variation, exact tasks and units.

Each text is a small directive written for the test from the variations real documents show
(issue: extraction that generalises to the whole genre).
"""

from __future__ import annotations

from extract.pipeline import extract_path, extract_text


def rows(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(number, lead_units, responsible_units) of every task that carries an assignment."""
    d = extract_text(text, doc_id="t", source="t.txt")
    return [(t.number, t.lead_units, t.responsible_units) for t in d.tasks if t.lead_units or t.responsible_units]


# --- numbering -------------------------------------------------------------------------------

def test_numbering_chinese_and_bracketed_levels():
    text = "一、主要任务\n（一）加强领导。内容。（牵头单位：市民政局）\n(二)完善机制。内容。(牵头单位:市财政局)\n"
    assert rows(text) == [("一.(一)", ["市民政局"], []), ("一.(二)", ["市财政局"], [])]


def test_numbering_arabic_with_every_full_stop_form():
    text = ("一、重点任务\n1.甲项。（责任单位：市教育局）\n2．乙项。（责任单位：市科技局）\n"
            "3﹒丙项。（责任单位：市公安局）\n4、丁项。（责任单位：市司法局）\n")
    assert [r[0] for r in rows(text)] == ["一.1", "一.2", "一.3", "一.4"]


def test_numbering_parenthesised_arabic_and_circled():
    text = "一、任务\n（一）大项\n（1）小项甲。（牵头单位：市民政局）\n（2）小项乙。\n①细项。（牵头单位：市财政局）\n"
    assert rows(text) == [("一.(一).(1)", ["市民政局"], []), ("一.(一).(2).①", ["市财政局"], [])]


def test_numbering_articles():
    text = "第一条 为规范管理，制定本办法。\n第二条 工作要求。（牵头单位：市民政局）\n第三条 其他。（责任单位：市财政局）\n"
    assert rows(text) == [("第二条", ["市民政局"], []), ("第三条", [], ["市财政局"])]


def test_numbering_straight_through_sections():
    text = ("一、第一部分\n1.甲。（牵头单位：市民政局）\n2.乙。（牵头单位：市财政局）\n"
            "二、第二部分\n3.丙。（牵头单位：市教育局）\n4.丁。（牵头单位：市公安局）\n")
    assert [r[0] for r in rows(text)] == ["一.1", "一.2", "二.3", "二.4"]


def test_unnumbered_paragraphs_between_numbered_items():
    text = ("一、任务\n（一）甲项。内容。（牵头单位：市民政局）\n这是一段没有编号的说明文字，不属于任何任务分工。\n"
            "（二）乙项。内容。（牵头单位：市财政局）\n")
    assert rows(text) == [("一.(一)", ["市民政局"], []), ("一.(二)", ["市财政局"], [])]


def test_second_level_measures_under_each_task():
    text = ("一、主要任务\n（一）推进改革。具体措施：\n1．建立制度。（牵头单位：市发展改革委）\n"
            "2．完善流程。（牵头单位：市财政局）\n（二）加强监管。具体措施：\n1．开展检查。（牵头单位：市市场监管局）\n")
    assert rows(text) == [("一.(一).1", ["市发展改革委"], []), ("一.(一).2", ["市财政局"], []),
                          ("一.(二).1", ["市市场监管局"], [])]


def test_inline_list_numbers_are_not_items():
    text = "一、任务\n（一）加快一、二、三产业融通发展。补助3.6万元。（责任单位：省农业农村厅）\n"
    assert rows(text) == [("一.(一)", [], ["省农业农村厅"])]


# --- labels ----------------------------------------------------------------------------------

def test_label_words_and_colons():
    text = ("一、任务\n（一）甲。（牵头部门：市民政局；配合部门：市财政局）\n"
            "（二）乙。(责任部门:市教育局,参与单位:市科协)\n（三）丙。（牵头单位：市公安局 协办单位：市司法局）\n")
    assert rows(text) == [("一.(一)", ["市民政局"], ["市财政局"]), ("一.(二)", [], ["市教育局", "市科协"]),
                          ("一.(三)", ["市公安局"], ["市司法局"])]


def test_label_clause_on_its_own_lines_without_brackets():
    text = "一、任务\n（一）完善机制。具体内容。\n牵头单位：市民政局\n责任单位：市财政局、市审计局\n（二）乙项。\n"
    assert rows(text)[0] == ("一.(一)", ["市民政局"], ["市财政局", "市审计局"])


def test_deadline_key_inside_clause_is_not_a_unit():
    text = "一、任务\n（一）甲。（牵头单位：市民政局；完成时限：2020年底前）\n"
    assert rows(text) == [("一.(一)", ["市民政局"], [])]


# --- verbs instead of labels -----------------------------------------------------------------

def test_verb_clauses():
    text = ("一、任务\n（一）甲。（省商务厅牵头，合肥海关配合）\n"
            "（二）乙。（国家发展改革委牵头，国务院相关部门及各地区按职责分工负责）\n（三）丙。（合肥海关负责）\n"
            "（四）丁。（省财政厅牵头负责，省审计厅按职责分工配合）\n（五）戊。（省科技厅会同省教育厅负责）\n")
    assert rows(text) == [
        ("一.(一)", ["省商务厅"], ["合肥海关"]),
        ("一.(二)", ["国家发展改革委"], ["国务院相关部门", "各地区"]),
        ("一.(三)", [], ["合肥海关"]),
        ("一.(四)", ["省财政厅"], ["省审计厅"]),
        ("一.(五)", ["省科技厅"], ["省教育厅"]),
    ]


def test_role_phrase_never_glued_to_a_unit():
    text = "一、任务\n（一）甲。（市发展改革委、市财政局按各自职责负责）\n（二）乙。（市民政局协助）\n"
    assert rows(text) == [("一.(一)", [], ["市发展改革委", "市财政局"]), ("一.(二)", [], ["市民政局"])]


def test_several_clauses_in_one_item():
    text = ("一、任务\n（一）优化服务。第一句内容。（市民政局负责）推进第二件事。（市财政局牵头，市审计局配合）\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    got = [(t.number, t.title, t.lead_units, t.responsible_units) for t in d.tasks]
    assert got == [("一.(一)", "优化服务", [], ["市民政局"]),
                   ("一.(一)", "推进第二件事", ["市财政局"], ["市审计局"])]


def test_parenthetical_that_is_not_a_clause():
    text = "一、任务\n（一）甲。城市社区专职工作者（以下简称专职工作者）（荣成市除外）实行总量管理。\n"
    assert rows(text) == []


def test_unit_name_ending_like_a_verb_is_kept():
    text = "一、任务\n（一）甲。（牵头单位：市委政法委，责任单位：市人大办、市政协办）\n"
    assert rows(text) == [("一.(一)", ["市委政法委"], ["市人大办", "市政协办"])]


# --- prose and conventions -------------------------------------------------------------------

def test_prose_assignments_in_regulations():
    text = ("第一条 为规范管理，制定本办法。\n第二条 市民政部门负责全市社区工作者的统筹管理。\n"
            "第三条 由市财政局牵头，市审计局配合，做好经费保障。\n第四条 市人力资源社会保障局应当会同市财政局制定薪酬标准。\n")
    assert rows(text) == [("第二条", [], ["市民政部门"]), ("第三条", ["市财政局"], ["市审计局"]),
                          ("第四条", ["市人力资源社会保障局"], ["市财政局"])]


def test_first_listed_unit_leads_when_the_document_says_so():
    text = ("一、任务\n（一）甲。（省发展改革委、省财政厅负责，列第一位者为牵头单位，下同）\n"
            "（二）乙。（省教育厅、省科技厅、各市人民政府负责）\n（三）丙。（责任单位：省民政厅、省人社厅）\n"
            "（四）丁。（省商务厅牵头，省财政厅配合）\n")
    assert rows(text) == [("一.(一)", ["省发展改革委"], ["省财政厅"]),
                          ("一.(二)", ["省教育厅"], ["省科技厅", "各市人民政府"]),
                          ("一.(三)", ["省民政厅"], ["省人社厅"]),
                          ("一.(四)", ["省商务厅"], ["省财政厅"])]


def test_without_the_convention_no_lead_is_invented():
    text = "一、任务\n（一）甲。（省发展改革委、省财政厅负责）\n"
    assert rows(text) == [("一.(一)", [], ["省发展改革委", "省财政厅"])]


# --- joiners and collectives -----------------------------------------------------------------

def test_joiners_and_collectives():
    text = ("一、任务\n（一）甲。（住房城乡建设部等国务院相关部门及各地区按职责分工负责）\n"
            "（二）乙。（牵头单位：市委组织部，配合单位：各区、县级市）\n"
            "（三）丙。（牵头单位：市民政局，责任单位：市直相关部门、单位）\n"
            "（四）丁。（牵头单位：市财政局，责任单位：各有关部门和单位）\n"
            "（五）戊。（牵头单位：市人力资源和社会保障局，责任单位：市科技和信息化局和市教育局）\n"
            "（六）己。（牵头单位：市营商环境工作专班牵头单位，责任单位：市财政局等单位）\n")
    assert rows(text) == [
        ("一.(一)", [], ["住房城乡建设部", "国务院相关部门", "各地区"]),
        ("一.(二)", ["市委组织部"], ["各区、县级市"]),
        ("一.(三)", ["市民政局"], ["市直相关部门、单位"]),
        ("一.(四)", ["市财政局"], ["各有关部门和单位"]),
        ("一.(五)", ["市人力资源和社会保障局"], ["市科技和信息化局", "市教育局"]),
        ("一.(六)", ["市营商环境工作专班牵头单位"], ["市财政局"]),
    ]


# --- tables ----------------------------------------------------------------------------------

def test_task_division_table_with_merged_cells_and_empty_marks():
    text = ("附件\n重点任务分工表\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t建立工作机制。明确职责。\t市发展改革委\t市财政局、市统计局\t2023年6月底前\n"
            "2\t推进数据共享\t市大数据局\t/\t长期坚持\n"
            "完善数据标准\t市市场监管局\t市大数据局\t2023年底前\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    got = [(t.number, t.title, t.lead_units, t.responsible_units, t.deadline) for t in d.tasks]
    assert got == [("1", "建立工作机制", ["市发展改革委"], ["市财政局", "市统计局"], "2023年6月底前"),
                   ("2", "推进数据共享", ["市大数据局"], [], "长期坚持"),
                   ("2", "完善数据标准", ["市市场监管局"], ["市大数据局"], "2023年底前")]


def test_table_internal_divisions_kept_apart_from_units():
    text = ("序号 | 工作任务 | 牵头单位 | 牵头处室 | 配合单位 | 配合处室\n"
            "1 | 推进项目审批 | 省发展改革委 | 投资处 | 省自然资源厅 | 法规处、综合处\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    task = d.tasks[0]
    assert (task.lead_units, task.responsible_units) == (["省发展改革委"], ["省自然资源厅"])
    assert (task.internal_lead, task.internal_responsible) == (["投资处"], ["法规处", "综合处"])


def test_table_without_numbers_uses_row_order_and_spaces_as_separators():
    text = "工作任务    责任单位（列第一位者为牵头单位）\n开展调研    市民政局、市财政局\n制定方案    市教育局\n"
    assert rows(text) == [("1", ["市民政局"], ["市财政局"]), ("2", ["市教育局"], [])]


# --- text damage -----------------------------------------------------------------------------

def test_whole_document_on_one_line():
    text = ("关于某事的实施意见 各区人民政府：现提出以下意见。一、加强基础（一）甲项。内容。（市民政局牵头，市财政局负责）"
            "（二）乙项。内容。（市教育局负责）二、强化保障（三）丙项。内容。（各地区负责）")
    assert rows(text) == [("一.(一)", ["市民政局"], ["市财政局"]), ("一.(二)", [], ["市教育局"]),
                          ("二.(三)", [], ["各地区"])]


def test_crlf_page_breaks_and_page_numbers_in_the_middle_of_words():
    text = ("一、主要任务\r\n\r\n（一）加强社区工作者队伍建设，统筹管理社区党组织、基层群众性自治组织成员以及其他社区工作人员。（牵头单位：市民\r\n"
            "\r\n— 3 —\r\n\r\n政局，责任单位：市财政局）\r\n（二）完善机制，做好各项工作，推进工作落实落地见效取得成绩。（牵头单位：市教\f育局）\r\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    assert [(t.number, t.lead_units, t.responsible_units) for t in d.tasks] == [
        ("一.(一)", ["市民政局"], ["市财政局"]), ("一.(二)", ["市教育局"], [])]
    mention = d.tasks[0].mentions[0]
    assert d.text[mention.char_start:mention.char_end].startswith("市民") and "政局" in d.text[
        mention.char_start:mention.char_end]


def test_html_leftovers():
    text = "一、任务<br>（一）甲项。内容。&nbsp;（牵头单位：市民政局）<br/>（二）乙项。（牵头单位：市财政局）</p>"
    assert rows(text) == [("一.(一)", ["市民政局"], []), ("一.(二)", ["市财政局"], [])]


def test_first_listed_documents_write_bare_unit_brackets():
    text = ("各项任务列第一位者为牵头单位，其他单位按职责分工负责。\n一、任务\n"
            "（一）推进改革。内容。（省发展改革委、省财政厅、各市、县人民政府）\n"
            "（二）加强监管。城市社区（荣成市除外）实行管理。（省市场监管局）\n")
    assert rows(text) == [("一.(一)", ["省发展改革委"], ["省财政厅", "各市、县人民政府"]),
                          ("一.(二)", ["省市场监管局"], [])]


def test_quantified_levels_head_a_collective():
    text = "一、任务\n（一）甲。（责任单位：省财政厅，各市、县人民政府）\n（二）乙。（各省、自治区、直辖市负责）\n"
    assert rows(text) == [("一.(一)", [], ["省财政厅", "各市、县人民政府"]),
                          ("一.(二)", [], ["各省、自治区、直辖市"])]


def test_role_phrases_built_from_qualifier_core_and_tail():
    text = ("一、任务\n（一）甲。（市发展改革委牵头，市有关部门配合，各区政府负责落实）\n"
            "（二）乙。（市财政局、市审计局共同牵头）\n（三）丙。（各区按照职责分工抓好落实）\n")
    assert rows(text) == [("一.(一)", ["市发展改革委"], ["市有关部门", "各区政府"]),
                          ("一.(二)", ["市财政局", "市审计局"], []),
                          ("一.(三)", [], ["各区"])]


def test_other_first_listed_wordings_and_star_marks():
    text = ("排在第一位的为牵头单位。\n一、任务\n（一）甲。（省教育厅、省财政厅负责）\n"
            "（二）乙。（责任单位：省科技厅、省商务厅*）\n")
    assert rows(text) == [("一.(一)", ["省教育厅"], ["省财政厅"]), ("一.(二)", ["省商务厅"], ["省科技厅"])]


def test_two_row_table_header_and_attachment_after_safeguards():
    text = ("一、主要任务\n（一）甲项。（牵头单位：市民政局）\n二、保障措施\n各单位要加强领导。\n附件\n"
            "序号\t任务\t责任单位\t责任单位\n序号\t任务\t牵头单位\t配合单位\n1\t加装电梯\t区住房城乡建设局\t各街道办事处\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    got = [(t.number, t.kind, t.lead_units, t.responsible_units) for t in d.tasks]
    assert got == [("一.(一)", "task", ["市民政局"], []), ("二", "safeguard", [], []),
                   ("1", "task", ["区住房城乡建设局"], ["各街道办事处"])]


def test_group_heading_rows_inside_a_text_table():
    text = ("序号\t工作任务\t牵头单位\t责任单位\t完成时限\n一、规划引领\n"
            "1\t编制专项规划\t省生态环境厅\t省住房城乡建设厅、省农业农村厅\t2021年12月底前\n"
            "二、设施建设\n（一）污水处理\n2\t建立项目库\t省水利厅\t省财政厅\t2022年底前\n"
            "三、保障措施\n各地要加强领导，确保各项任务落实到位。\n")
    assert rows(text) == [("一.1", ["省生态环境厅"], ["省住房城乡建设厅", "省农业农村厅"]),
                          ("二.(一).2", ["省水利厅"], ["省财政厅"])]


def test_collective_of_provinces_and_their_governments_stays_whole():
    text = "一、任务\n（一）甲。（民政部牵头，各省、自治区、直辖市人民政府负责）\n"
    assert rows(text) == [("一.(一)", ["民政部"], ["各省、自治区、直辖市人民政府"])]


def test_verbs_inside_a_responsible_label_decide_the_roles():
    text = "一、任务\n（一）甲项。内容。（责任单位：市外经贸局牵头，市发展改革委、市科技局配合）\n"
    assert rows(text) == [("一.(一)", ["市外经贸局"], ["市发展改革委", "市科技局"])]


def test_colonless_label_lines_and_label_lines_end_paragraphs():
    text = ("一、完善县域商业网络\n（一）发展村级便民商店。推动邮政、供销、快递网点与村级便民商店共建共享。\n"
            "牵头单位　省供销社\n配合单位　省商务厅、中国邮政集团有限公司福建省分公司\n"
            "（二）强化工作统筹。建立工作协调机制。\n牵头单位：省商务厅\n"
            "责任单位：省直有关部门，各设区市人民政府、平潭综合实验区管委会\n\n"
            "各地各有关部门要高度重视，于每年12月20日前将工作进展情况报送省商务厅。\n")
    assert rows(text) == [
        ("一.(一)", ["省供销社"], ["省商务厅", "中国邮政集团有限公司福建省分公司"]),
        ("一.(二)", ["省商务厅"], ["省直有关部门", "各设区市人民政府", "平潭综合实验区管委会"]),
    ]


def test_pdf_running_header_between_pages_is_removed():
    text = ("四川省人民政府关于加快推进新型基础设施建设的实施意见\n一、重点任务\n"
            "　　（一）建设高速泛在的信息网络。加快5G网络规模化部署，\n推进千兆光网进小区、进楼宇，实现乡镇以上区域5G网络连续覆\n"
            "盖。（牵头单位：省通信管理局；配合单位：省经济和信息化厅、省发展\n\n— 1 —\n\n"
            "四川省人民政府关于加快推进新型基础设施建设的实施意见\n改革委、国网四川省电力公司，各市（州）人民政府）\n")
    assert rows(text) == [("一.(一)", ["省通信管理局"],
                           ["省经济和信息化厅", "省发展改革委", "国网四川省电力公司", "各市（州）人民政府"])]


def test_national_mass_organisations_in_a_verb_clause():
    text = ("一、任务\n（一）加强宣传引导。组织开展职业技能竞赛。（人力资源社会保障部、中央宣传部、共青团中央、"
            "全国妇联等有关部门和单位及各地区按职责分工负责）\n")
    assert rows(text) == [("一.(一)", [], ["人力资源社会保障部", "中央宣传部", "共青团中央", "全国妇联",
                                          "有关部门和单位", "各地区"])]


def test_table_saved_one_cell_per_line_with_a_merged_lead_cell():
    text = ("附件\n\n重点任务清单\n\n序号\n重点任务\n具体措施\n牵头单位\n责任单位\n完成时限\n"
            "1\n完善规划布局\n编制全市充电基础设施专项规划。\n市发改委\n市规划和自然资源局、市建委、国网杭州供电公司\n2023年6月底前\n"
            "2\n推进居住区充电设施建设\n新建住宅小区固定车位100%建设充电设施。\n市建委\n各区、县（市）政府，国网杭州供电公司\n持续推进\n"
            "3\n在城市公共停车场配建公共充电设施。\n市规划和自然资源局\n2024年底前\n")
    assert rows(text) == [
        ("1", ["市发改委"], ["市规划和自然资源局", "市建委", "国网杭州供电公司"]),
        ("2", ["市建委"], ["各区、县（市）政府", "国网杭州供电公司"]),
        ("3", ["市建委"], ["市规划和自然资源局"]),
    ]


def test_short_lines_and_headings_are_never_joined_to_the_next_line():
    from extract.normalize import normalize

    text = "杭州市新能源汽车充电基础设施建设重点任务清单\n\n序号\n市规划和自然资源局、市建委、国网杭州供电公司\n2023年6月底前\n"
    assert normalize(text).text == text


def test_dotted_numbering_and_indented_colonless_labels():
    text = ("一、完善县域商业网络\n　　1.1 改造提升县城综合商贸服务中心。支持升级。\n　　牵头单位：省商务厅\n　　责任单位：省发展改革委\n\n"
            "　　1.2 建设乡镇商贸中心。引导连锁商贸企业向乡镇延伸。\n　　牵头单位　省供销社\n\n　　配合单位　省商务厅\n"
            "二、健全物流体系\n　　2.1 发展共同配送。补助不少于 2.1 万元。\n　　牵头单位：省交通运输厅\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    assert [(t.number, t.title, t.lead_units, t.responsible_units) for t in d.tasks] == [
        ("一.1.1", "改造提升县城综合商贸服务中心", ["省商务厅"], ["省发展改革委"]),
        ("一.1.2", "建设乡镇商贸中心", ["省供销社"], ["省商务厅"]),
        ("二.2.1", "发展共同配送", ["省交通运输厅"], []),
    ]


def test_prose_inside_sentences_aliases_and_objects_of_huitong():
    text = ("第一条 市政务服务管理和网络理政办公室（以下简称市网络理政办）负责全市统筹管理。市大数据中心负责平台建设运行。\n"
            "第二条 公共数据目录由市网络理政办牵头编制，市级各部门配合，每年更新一次。\n"
            "第三条 分级规则由市网络理政办会同市委网信办、市公安局制定。\n"
            "第四条 各区（市）县政府负责本行政区域内公共数据的管理工作。\n"
            "第五条 市网络理政办会同市委目标办对各部门公共数据工作进行年度考核。\n")
    assert rows(text) == [
        ("第一条", [], ["市政务服务管理和网络理政办公室"]),
        ("第一条", [], ["市大数据中心"]),
        ("第二条", ["市网络理政办"], ["市级各部门"]),
        ("第三条", ["市网络理政办"], ["市委网信办", "市公安局"]),
        ("第四条", [], ["各区（市）县政府"]),
        ("第五条", ["市网络理政办"], ["市委目标办"]),
    ]


def test_inline_enumerations_are_not_sub_items():
    text = ("一、主要任务\n（一）加强监管。主要包括：（1）建立台账；（2）开展检查。（牵头单位：市市场监管局）\n"
            "（二）完善制度。\n（1）制定办法。（牵头单位：市司法局）\n")
    assert rows(text) == [("一.(一)", ["市市场监管局"], []), ("一.(二).(1)", ["市司法局"], [])]


def test_same_below_note_inside_a_verb_clause():
    text = "一、任务\n（一）甲。（市民政局牵头，市直有关部门、各区政府配合，下同）\n"
    assert rows(text) == [("一.(一)", ["市民政局"], ["市直有关部门", "各区政府"])]


def test_broad_collectives_close_verb_clauses():
    text = "一、任务\n（一）甲。（国家发展改革委牵头，有关方面及各地按职责分工负责）\n"
    assert rows(text) == [("一.(一)", ["国家发展改革委"], ["有关方面", "各地"])]


def test_first_listed_note_below_a_table_applies_to_its_rows():
    text = ("序号\t工作任务\t责任单位\n1\t开展调研\t市民政局、市财政局\n2\t制定方案\t市教育局\n"
            "注：责任单位中列第一位的为牵头单位。\n")
    assert rows(text) == [("1", ["市民政局"], ["市财政局"]), ("2", ["市教育局"], [])]


def test_role_words_after_a_unit_inside_a_label_clause():
    text = "一、任务\n（一）甲。（牵头单位：市民政局；责任单位：各区政府按属地管理原则负责落实）\n"
    assert rows(text) == [("一.(一)", ["市民政局"], ["各区政府"])]


def test_deadline_note_inside_a_verb_clause():
    text = "一、任务\n（一）甲。（市发展改革委牵头，市财政局等部门配合；完成时限：2021年底前）\n"
    assert rows(text) == [("一.(一)", ["市发展改革委"], ["市财政局"])]


def test_first_sub_item_on_the_heading_line_with_siblings_on_their_own_lines():
    text = ("一、任务\n（一）政务服务\n1.推行高效办成一件事。（1）拓展一件事一次办场景，优化流程。（责任单位：市政务服务局）\n"
            "（2）推进电子证照互认共享。（责任单位：市大数据局）\n")
    d = extract_text(text, doc_id="t", source="t.txt")
    assert [(t.number, t.title, t.responsible_units) for t in d.tasks] == [
        ("一.(一).1.(1)", "拓展一件事一次办场景，优化流程", ["市政务服务局"]),
        ("一.(一).1.(2)", "推进电子证照互认共享", ["市大数据局"]),
    ]


# --- variations found by the fourth held-out evaluation ------------------------------------------

def test_tortoise_shell_and_square_bracket_clauses():
    text = ("一、任务\n（一）建设市场。内容。〔责任单位：省市场监管局、省商务厅〕\n"
            "（二）优化布局。内容。［牵头单位：省商务厅］\n"
            "（三）完善设施。内容。〔省发展改革委牵头，省交通运输厅参与，各市（州）人民政府负责落实〕\n")
    assert rows(text) == [("一.(一)", [], ["省市场监管局", "省商务厅"]), ("一.(二)", ["省商务厅"], []),
                          ("一.(三)", ["省发展改革委"], ["省交通运输厅", "各市（州）人民政府"])]


def test_a_note_sentence_after_the_list_is_not_a_unit():
    text = ("一、任务\n（一）建设市场。内容。〔责任单位：省发展改革委、省商务厅按职责分工负责。"
            "具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕\n")
    assert rows(text) == [("一.(一)", [], ["省发展改革委", "省商务厅"])]


def test_label_lines_each_closed_by_a_full_stop_are_one_clause():
    text = ("一、目标\n1. 地区生产总值增长7.5%左右。\n\n牵头负责领导：周明远。\n\n牵头责任单位：市发展改革委。\n\n"
            "协同责任单位：市统计局、市商务局等，有关县、市、区政府。\n\n"
            "2. 财政收入增长6%。\n牵头单位：市财政局。\n责任单位：市税务局。\n")
    assert rows(text) == [("一.1", ["市发展改革委"], ["市统计局", "市商务局", "有关县、市、区政府"]),
                          ("一.2", ["市财政局"], ["市税务局"])]


def test_verb_clause_after_a_division_key_and_leaders_passed_over():
    text = ("一、预期目标\n主要预期目标：增长6.5%以上。（分管副省长、协管副秘书长负责，省发展改革委牵头，省统计局配合）\n"
            "二、重点工作\n1.推进实验室建设。\n分管省领导：许文涛\n部门分工：省科技厅牵头，省财政厅、省教育厅等省有关部门配合。\n"
            "2.实施攻关工程。\n分管省领导：许文涛\n部门分工：省科技厅、省工业和信息化厅按职责分工负责。\n")
    assert rows(text) == [("一", ["省发展改革委"], ["省统计局"]),
                          ("二.1", ["省科技厅"], ["省财政厅", "省教育厅", "省有关部门"]),
                          ("二.2", [], ["省科技厅", "省工业和信息化厅"])]


def test_tab_table_whose_cells_hold_line_breaks():
    # a browser copy writes a cell's <br> as a new line; the row goes on until it has every cell
    text = ("一、任务\n序号\t工作任务\t责任领导\t牵头单位\t配合单位\t完成时限\n"
            "1\t健全领导机制。\t王立新\t区文明办\t区委办、区政府办\t持续推进\n"
            "2\t开展主题宣传。\t赵　敏\t区委宣传部\t区教育局\n区文化和旅游局\n各街道办事处\t2023年6月底前\n"
            "3\t开展“文明交通”行动，\n规范停放秩序。\t刘　洋\t公安澜溪分局\t区城管执法局\t2023年7月底前\n")
    assert rows(text) == [("1", ["区文明办"], ["区委办", "区政府办"]),
                          ("2", ["区委宣传部"], ["区教育局", "区文化和旅游局", "各街道办事处"]),
                          ("3", ["公安澜溪分局"], ["区城管执法局"])]


def test_excel_paste_with_quoted_multi_line_cells():
    text = ("一、任务\n序号\t重点工作\t牵头单位\t配合单位\t完成时限\n"
            '1\t开展排查整治。\t"县住房城乡建设局\n县应急管理局"\t"县城管局、县市场监管局、\n各乡镇人民政府"\t2024年12月底前\n'
            '2\t"开展""打非治违""专项行动。"\t县应急管理局\t县公安局\t2024年12月底前\n')
    assert rows(text) == [("1", ["县住房城乡建设局", "县应急管理局"], ["县城管局", "县市场监管局", "各乡镇人民政府"]),
                          ("2", ["县应急管理局"], ["县公安局"])]


def test_pdf_table_one_cell_per_line_with_wrapped_cells_and_a_repeated_header():
    header = "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
    text = ("附件\n重点任务分工表\n" + header + "一、加快基础设施建设\n"
            "1\n新建5G基站3000个以上，实\n现城区5G网络全覆盖。\n市工业和信息化\n局\n"
            "市通信发展管理办公\n室、各县（市、\n区）人民政府\n2022年\n12月底前\n"
            "2\n建设软件园。\n临澜高新区管委\n会\n市招商服务中心、市\n科技局\n持续推进\n"
            "3\n建设“城市大脑”，推动政务数据\n共享开放。\n市大数据局\n市公安局、\n\n— 4 —\n\n" + header
            + "市直有关部门\n2024年12\n月底前\n\n抄送：省委各部门，省法院。\n")
    assert rows(text) == [("一.1", ["市工业和信息化局"], ["市通信发展管理办公室", "各县（市、区）人民政府"]),
                          ("一.2", ["临澜高新区管委会"], ["市招商服务中心", "市科技局"]),
                          ("一.3", ["市大数据局"], ["市公安局", "市直有关部门"])]


_LAYOUT_TABLE = """附件
                  重点任务分工表

序号  重点任务                        牵头单位          配合单位                完成时限

一、扎实推进农村厕所革命

1     推进农村户厕问题摸排整改，问题  县农业农村局      县卫生健康局、县财政局、 2023年12月
      户厕整改率达到100%。                              各乡镇人民政府          底前

2     新改建农村公共厕所45座。        市生态环境局梧川  县住房城乡建设局、县文  2024年6月
                                      分局              化旅游局                底前

                                      — 3 —

序号  重点任务                        牵头单位          配合单位                完成时限

      健全农村生活垃圾收运处置体系，                    县城市管理局、各乡镇人
3     自然村收运处置覆盖率稳定在98%   县住房城乡建设局  民政府                  长期坚持
      以上。                          县供销社

抄送：县委各部门。
"""


def test_pdf_layout_table_with_cells_wrapped_in_their_columns():
    # pdftotext -layout: cells in columns of spaces (CJK characters two columns wide), wrapped in place
    d = extract_text(_LAYOUT_TABLE, doc_id="t", source="t.txt")
    assert [(t.number, t.lead_units, t.responsible_units) for t in d.tasks] == [
        ("一.1", ["县农业农村局"], ["县卫生健康局", "县财政局", "各乡镇人民政府"]),
        ("一.2", ["市生态环境局梧川分局"], ["县住房城乡建设局", "县文化旅游局"]),
        ("一.3", ["县住房城乡建设局", "县供销社"], ["县城市管理局", "各乡镇人民政府"])]
    assert d.tasks[0].title == "推进农村户厕问题摸排整改，问题户厕整改率达到100%"
    for m in d.tasks[1].mentions:  # a wrapped name's span covers both of its lines in the original
        assert "".join(_LAYOUT_TABLE[m.char_start:m.char_end].split()).startswith(m.name[:2])
    assert [(x.section, x.text, x.end) for x in d.deadlines] == [
        ("一.1", "2023年12月底前", "2023-12-31"), ("一.2", "2024年6月底前", "2024-06-30"), ("一.3", "长期坚持", None)]


def test_a_clause_on_its_own_line_after_the_sub_points_assigns_their_item():
    text = ("一、任务\n1.完善应急预案体系\n（1）修订总体应急预案。\n（2）推动重点企业编制预案。\n"
            "（责任单位：市应急管理局、市直各有关单位）\n"
            "2.健全指挥体系\n（1）整合指挥资源。（牵头单位：市应急管理局；配合单位：市大数据局）\n"
            "（2）建立会商机制。（牵头单位：市应急管理局；配合单位：市水利局）\n")
    assert rows(text) == [("一.1", [], ["市应急管理局", "市直各有关单位"]),
                          ("一.2.(1)", ["市应急管理局"], ["市大数据局"]),
                          ("一.2.(2)", ["市应急管理局"], ["市水利局"])]


def test_prose_measures_with_responsible_only_and_heads_without_a_place():
    text = ("一、加快出口退税进度。压缩办理时间。由市税务局负责。\n"
            "二、提升通关便利化水平。压缩通关时间。由漳源海关牵头，市商务局、市口岸办配合。\n"
            "三、降低进出口环节费用。清理收费。由市发展改革委、市市场监管局按职责分工负责。\n"
            "四、发挥融资担保作用。降低费率，由此产生的费用由市财政局负责补足。\n"
            "五、稳定外资企业。由市商务局负责，各县（区）人民政府、漳源经济技术开发区管委会配合。\n"
            "六、支持加工贸易。给予奖励。由市商务局、市工业和信息化局负责。\n"
            "本措施自印发之日起施行，具体实施细则由市商务局会同市财政局另行制定。\n")
    assert rows(text) == [("一", [], ["市税务局"]), ("二", ["漳源海关"], ["市商务局", "市口岸办"]),
                          ("三", [], ["市发展改革委", "市市场监管局"]), ("四", [], ["市财政局"]),
                          ("五", [], ["市商务局", "各县（区）人民政府", "漳源经济技术开发区管委会"]),
                          ("六", [], ["市商务局", "市工业和信息化局"])]


def test_a_web_site_footer_is_not_a_label_clause():
    text = ("一、加强领导。各单位要落实责任。（牵头单位：市政府办公室）\n二、其他事项。本意见自印发之日起施行。"
            "主办单位：桐州市人民政府办公室 网站标识码：3304000001 ICP备05012345号\n")
    assert rows(text) == [("一", ["市政府办公室"], [])]


def test_an_indented_layout_table_header_does_not_shift_the_rows():
    text = ("附件\n  序号  项目名称         牵头单位          责任单位           完成时限\n"
            "   1  城镇老旧小区改造   市住房城乡建设    市财政局、各区县   2023年12月\n"
            "                         局                人民政府\n"
            "   2  口袋公园建设       市城市管理局      各区县人民政府     2023年12月\n")
    assert rows(text) == [("1", ["市住房城乡建设局"], ["市财政局", "各区县人民政府"]),
                          ("2", ["市城市管理局"], ["各区县人民政府"])]


def test_first_listed_rule_in_the_covering_notice_naming_the_responsible_column():
    text = ("各区人民政府，市政府各部门：\n一、现将方案印发给你们。\n"
            "二、责任分解中，列第一位的责任单位为牵头单位，负责牵头抓总和情况汇总；其他为配合单位，要主动配合、形成合力。\n"
            "附件\n重点任务\n一、提升基层医疗能力。内容。（责任单位：市卫生健康委、市发展改革委、市财政局）\n"
            "二、完善医保支付。内容。（责任单位：市医保局、市卫生健康委）\n")
    assert rows(text) == [("B.一", ["市卫生健康委"], ["市发展改革委", "市财政局"]),
                          ("B.二", ["市医保局"], ["市卫生健康委"])]


def test_label_sentences_on_one_line_are_one_clause():
    text = "一、任务\n（一）推进城市更新。内容。\n牵头单位：省发展改革委。责任单位：省自然资源厅、省住房城乡建设厅。\n"
    assert rows(text) == [("一.(一)", ["省发展改革委"], ["省自然资源厅", "省住房城乡建设厅"])]


def test_a_lead_in_prose_inside_a_document_of_clauses():
    text = ("一、优化环境\n（一）便利企业开办。压缩时间。（区市场监管局牵头）\n"
            "（二）规范审批。压缩时限。由区住房城乡建设局会同区自然资源局等部门负责落实。\n"
            "（三）加强监管。所需经费由区财政局负责保障。\n")  # 由X负责 assigns too
    assert rows(text) == [("一.(一)", ["区市场监管局"], []), ("一.(二)", ["区住房城乡建设局"], ["区自然资源局"]),
                          ("一.(三)", [], ["区财政局"])]


def test_traditional_characters_read_with_the_same_rules_and_names_kept_as_written():
    text = ("一、拓展市場\n1.支持企業參展。給予補助。（市商務局牽頭，市財政局配合）\n"
            "2.壓縮通關時間。推廣便利化措施。東陵海關牽頭，市商務局、市口岸辦配合。\n"
            "3.擴大進口。給予獎勵。市商務局負責，市財政局、東陵海關配合。\n"
            "4.發展跨境電商。給予補助。由市商務局會同市財政局、東陵海關組織實施。\n")
    assert rows(text) == [("一.1", ["市商務局"], ["市財政局"]), ("一.2", ["東陵海關"], ["市商務局", "市口岸辦"]),
                          ("一.3", [], ["市商務局", "市財政局", "東陵海關"]),
                          ("一.4", ["市商務局"], ["市財政局", "東陵海關"])]


def test_an_instruction_to_every_unit_is_not_an_assignment():
    text = ("一、任务\n（一）建设平台。内容。（牵头单位：市大数据局）\n二、保障措施\n"
            "（一）抓好落实。各牵头单位要制定计划，各配合单位要积极配合。\n（二）明确分工。县直各有关单位按照分工抓好落实。\n")
    assert rows(text) == [("一.(一)", ["市大数据局"], [])]


def test_national_prose_names_without_a_place_head():
    text = ("一、分工\n（一）关于加大扶持的问题，由财政部会同国家发展改革委、国家林业局负责落实。\n"
            "（二）关于基础设施的问题，由国家发展改革委会同交通运输部、水利部、工业和信息化部等部门统筹安排。\n"
            "（三）关于组织领导的问题，由国家林业局牵头，会同有关部门建立机制，各省级人民政府负责组织实施。\n"
            "（四）关于发展旅游的问题，由国家旅游局、国家林业局负责落实，国家卫生计生委、民政部按职责分工配合。\n")
    assert rows(text) == [
        ("一.(一)", ["财政部"], ["国家发展改革委", "国家林业局"]),
        ("一.(二)", ["国家发展改革委"], ["交通运输部", "水利部", "工业和信息化部"]),
        ("一.(三)", ["国家林业局"], ["有关部门", "各省级人民政府"]),
        ("一.(四)", [], ["国家旅游局", "国家林业局", "国家卫生计生委", "民政部"])]


def test_a_name_holding_lianhe_and_a_note_after_the_clause():
    text = ("一、任务\n（一）加强保障。内容。（中央军委联合参谋部、武警部队、交通运输部负责）\n"
            "（二）推进创新。内容（分管副省长负责，省科技厅牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同）。\n")
    assert rows(text) == [("一.(一)", [], ["中央军委联合参谋部", "武警部队", "交通运输部"]),
                          ("一.(二)", ["省科技厅"], [])]


def test_first_listed_rule_for_clauses_of_several_units_only():
    text = ("一、任务\n（一）组织专项。内容（省科技厅、省发改委、省财政厅等负责。责任单位两个以上的，列第一位的为牵头单位，下同）。"
            "推进教育改革（省教育厅负责）。\n")
    assert rows(text) == [("一.(一)", ["省科技厅"], ["省发改委", "省财政厅"]), ("一.(一)", [], ["省教育厅"])]


def test_web_table_copied_one_cell_per_line_with_borders_and_a_leader_column():
    text = ("附件\n重点工作目标任务分解表\n序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n"
            "一、全力以赴稳增长 |\n1 |\n地区生产总值增长6.5%左右。 |\n许海峰 |\n县发改委 |\n县统计局、县经信局，各乡镇 |\n"
            "2 |\n新开工亿元以上项目30个。 |\n周 凯 |\n县经信局 |\n县重点项目服务中心 |\n")
    assert rows(text) == [("一.1", ["县发改委"], ["县统计局", "县经信局", "各乡镇"]),
                          ("一.2", ["县经信局"], ["县重点项目服务中心"])]


def test_a_sub_district_table_assigns_its_own_offices():
    text = ("三、工作任务\n序号\t工作内容\t牵头科室\t责任科室（单位）\t完成时间\n"
            "1\t开展现状调查。\t城市建设管理办公室（城建办）\t湖滨社区、区住房城乡建设局\t2024年3月底\n")
    assert rows(text) == [("1", ["城市建设管理办公室（城建办）"], ["湖滨社区", "区住房城乡建设局"])]


def test_every_town_government_and_office_is_one_collective():
    text = ("一、任务\n1.推进改造。内容。（责任单位：区住房城乡建设局、各街道办事处、镇人民政府）\n"
            "2.加强宣传。由牵头单位负责统筹协调。（责任单位：区委宣传部、区“双随机、一公开”监管工作联席会议成员单位）\n"
            "3.强化保障。内容。（市工业和信息化局牵头，市财政局配合，各县（市、区）人民政府参照执行）\n")
    assert rows(text) == [("一.1", [], ["区住房城乡建设局", "各街道办事处、镇人民政府"]),
                          ("一.2", [], ["区委宣传部", "区“双随机、一公开”监管工作联席会议成员单位"]),
                          ("一.3", ["市工业和信息化局"], ["市财政局", "各县（市、区）人民政府"])]


def test_hard_wrapped_label_lines_and_a_repeated_label_line_beside_a_page_number():
    # PDF text wrapped at 29 characters: 各⏎乡镇人民政府, 县消防救援大⏎队, 各边界乡镇人民⏎— 3 —⏎政府, and
    # 牵头单位：县应急管理局 standing after a page number (not a running header, though repeated)
    from corpus_fixtures import FIXTURES

    doc = FIXTURES / "synthetic" / "set9" / "docs" / "langu-2020-45.txt"
    tasks = {t.number: (t.lead_units, t.responsible_units) for t in extract_path(doc).tasks}
    assert tasks["二.(一)"] == (["县应急管理局"], ["县林业局", "各乡镇人民政府"])
    assert tasks["二.(二)"] == (["县林业局"], ["县公安局", "县文化和旅游局", "县民族宗教事务局", "各乡镇人民政府"])
    assert tasks["二.(六)"][1] == ["县财政局", "县人力资源和社会保障局", "县消防救援大队"]
    assert tasks["二.(九)"][1] == ["县林业局", "县公安局森林警察大队", "各边界乡镇人民政府"]


def test_a_mechanism_led_by_a_unit_is_not_an_assignment_but_a_prose_sentence_beside_a_clause_is():
    text = ("一、任务\n（一）加快停车设施建设。编制规划。由市住房城乡建设局会同市自然资源和规划局负责。"
            "推行差异化收费。（市发展改革委牵头，市城管局配合）\n"
            "（二）建立机制。建立由省发展改革委牵头的联席会议制度。（省商务厅负责）\n")
    assert rows(text) == [("一.(一)", ["市住房城乡建设局"], ["市自然资源和规划局"]),
                          ("一.(一)", ["市发展改革委"], ["市城管局"]), ("一.(二)", [], ["省商务厅"])]


def test_units_in_a_heading_assign_the_numbered_tasks_below_it():
    text = ("一、职责分工\n（一）县爱卫办负责：\n1.制定创卫工作方案。\n2.组织开展爱国卫生月活动。\n"
            "（二）县住建局牵头负责以下工作，县城管执法局、县交通运输局配合：\n1.实施背街小巷改造。\n2.整治城乡结合部。\n"
            "（三）县工商局、县食药监局协同县卫生局负责：\n1.规范农贸市场。\n")
    assert rows(text) == [("一.(一).1", [], ["县爱卫办"]), ("一.(一).2", [], ["县爱卫办"]),
                          ("一.(二).1", ["县住建局"], ["县城管执法局", "县交通运输局"]),
                          ("一.(二).2", ["县住建局"], ["县城管执法局", "县交通运输局"]),
                          ("一.(三).1", [], ["县工商局", "县食药监局", "县卫生局"])]


def test_rarer_role_wordings_and_names():
    text = ("一、任务\n（一）推进改革。内容。（交通运输部牵头，公安部、发展改革委配合，各省级人民政府组织落实）\n"
            "（二）扶持企业。内容。\n责任单位：市财政局、市税务局、市发改委（第一责任单位为牵头单位，下同）\n"
            "（三）培训人才。内容。（责任单位：县农业局、县职业中专、各县‹市、区>人民政府）\n"
            "（四）加强督查。县扶贫开发领导小组办公室会同县委督查室、县政府督查室每季度开展一次专项督查。\n")
    assert rows(text) == [("一.(一)", ["交通运输部"], ["公安部", "发展改革委", "各省级人民政府"]),
                          ("一.(二)", ["市财政局"], ["市税务局", "市发改委"]),
                          ("一.(三)", ["县农业局"], ["县职业中专", "各县‹市、区>人民政府"]),
                          ("一.(四)", ["县扶贫开发领导小组办公室"], ["县委督查室", "县政府督查室"])]


def test_a_table_with_two_responsible_columns_and_a_verb_clause_before_the_task():
    text = ("一、任务\n序号\t工作任务\t牵头单位\t参与单位\t责任单位\t完成时限\n"
            "1\t推进河湖清四乱。\t市水利局\t市发展改革委、住房城乡建设局等\t各县（市、区）人民政府\t2024年底\n"
            "二、措施\n（一）治理\n1.【县城管局牵头，县财政局、县供销社配合，各乡镇人民政府负责】推进垃圾分类。\n"
            "2.【县生态环境分局、县水利局按职责分工负责】治理黑臭水体。\n")
    assert rows(text) == [("二.(一).1", ["县城管局"], ["县财政局", "县供销社", "各乡镇人民政府"]),
                          ("二.(一).2", [], ["县生态环境分局", "县水利局"]),
                          ("1", ["市水利局"], ["市发展改革委", "住房城乡建设局", "各县（市、区）人民政府"])]


def test_prose_subjects_in_measures_and_what_is_not_an_assignment():
    text = ("一、任务\n（一）简化审批。区住房城乡建设局牵头，区市场监管局、区城管执法局配合，简化办理流程。\n"
            "（二）完善服务。区民政局、区卫生健康局按照职责分工负责，利用社区设施开展服务。\n"
            "（三）破除壁垒。不得以所有制形式为由排斥或者限制民营企业参与。\n"
            "（四）加强督查。县政府督查室要会同县水利局对落实情况进行督查。\n"
            "（五）档案接收。由市自然资源和规划局、市城建档案馆分别负责，各管线权属单位、市城管委等市直有关部门配合。\n"
            "（六）落实责任。（责任单位：市发改委、市工信局，各县〔市、区〕人民政府）\n")
    assert rows(text) == [("一.(一)", ["区住房城乡建设局"], ["区市场监管局", "区城管执法局"]),
                          ("一.(二)", [], ["区民政局", "区卫生健康局"]),
                          ("一.(五)", [], ["市自然资源和规划局", "市城建档案馆", "各管线权属单位", "市城管委",
                                          "市直有关部门"]),
                          ("一.(六)", [], ["市发改委", "市工信局", "各县〔市、区〕人民政府"])]


def test_main_responsible_column_leads_and_a_rule_inside_a_note_bracket():
    text = ("一、任务\n序号\t重点任务\t主要责任单位\t其他责任单位\n1\t推进改造。\t市住建局\t市财政局\n"
            "二、工作\n1.推进防汛。内容。（市应急局、市水利局（除标注“分别牵头”外，列第一位的为牵头或汇总单位，下同））\n"
            "2.推进治水。内容。（市住房城乡建设局、水务局牵头督导，各区人民政府负责）\n")
    assert rows(text) == [("二.1", ["市应急局"], ["市水利局"]),
                          ("二.2", ["市住房城乡建设局", "水务局"], ["各区人民政府"]),
                          ("1", ["市住建局"], ["市财政局"])]


def test_regulation_articles_with_subjects_and_yuyi_peihe():
    text = ("第一条 为加强管理，制定本办法。\n第二条 各区人民政府、高新区管委会负责本辖区内的管理工作。\n"
            "第三条 城市道路挖掘许可由市城市管理局负责审批，市公安局交通管理支队予以配合。\n"
            "第四条 各牵头单位要履行牵头抓总职责。\n")
    assert rows(text) == [("第二条", [], ["各区人民政府", "高新区管委会"]),
                          ("第三条", [], ["市城市管理局", "市公安局交通管理支队"])]


def test_a_verb_after_labels_in_one_bracket_stays_out_of_the_name():
    text = "一、任务\n（一）推进改革。内容。（牵头单位：省医保局；配合单位：省卫生健康委、省财政厅；各市州人民政府负责本地区组织实施）\n"
    assert rows(text) == [("一.(一)", ["省医保局"], ["省卫生健康委", "省财政厅", "各市州人民政府"])]
