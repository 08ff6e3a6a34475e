package org.chamberlink.member;

import java.io.OutputStream;
import java.util.List;

import org.chamberlink.shared.XlsxWriter;

import org.springframework.stereotype.Component;

/** The import template: the data sheet's headers, a sheet explaining every column and code, and the industry codes. */
@Component
public class MemberTemplate {

	private final Industries industries;

	MemberTemplate(Industries industries) {
		this.industries = industries;
	}

	public void write(OutputStream out) {
		try (XlsxWriter writer = XlsxWriter.open(out, "会员", MemberImport.HEADERS)) {
			writer.sheet("填写说明", List.of("列", "必填", "说明"));
			writer.row(List.of("会员类别", "是", "企业、个人 或 团体。团体指不在组织体系内的团体（如行业协会），只填名称、统一社会信用代码、会内职务和入会日期，"
					+ "只能导入工商联或个私协；组织体系内的商会作为团体会员请在系统页面录入"));
			writer.row(List.of("名称/姓名", "是", "企业全称、团体全称或个人姓名"));
			writer.row(List.of("统一社会信用代码", "企业、团体必填", "18 位，系统校验末位校验码；同一代码在系统中只登记一次"));
			writer.row(List.of("企业类型", "企业必填", "私营企业、个体工商户、其他"));
			writer.row(List.of("法定代表人", "否", ""));
			writer.row(List.of("行业代码", "否", "国民经济行业分类（GB/T 4754-2017）两位大类代码，见“行业代码”表"));
			writer.row(List.of("企业规模", "否", "大型、中型、小型、微型"));
			writer.row(List.of("从业人数", "否", "整数"));
			writer.row(List.of("注册地区划代码", "否", "统计用区划代码，如 130102（长安区）或 130102001（街道）"));
			writer.row(List.of("异地企业 / 高新技术 / 中共党员", "否", "是 或 否（空白视为否）"));
			writer.row(List.of("性别", "否", "男、女（个人会员）"));
			writer.row(List.of("身份证号码", "否", "18 位，系统校验出生日期和末位校验码；加密保存"));
			writer.row(List.of("手机号码", "否", "11 位手机号；加密保存，列表中只显示前三位和后四位"));
			writer.row(List.of("政治安排", "否", "如：区人大代表、市政协委员"));
			writer.row(List.of("会内职务", "否", "会长、副会长、秘书长、常务理事、理事、监事、会员（空白视为会员）；层级按职务确定"));
			writer.row(List.of("入会日期", "是", "如 2024-03-01，不得晚于今天"));
			writer.row(List.of("重复导入", "", "已是本组织会员的行不会重复登记；同一文件可放心重复导入"));
			writer.sheet("行业代码", List.of("代码", "名称", "门类"));
			for (Industry industry : industries.all()) {
				writer.row(java.util.Arrays.asList(industry.code(), industry.name(), industry.section()));
			}
		}
	}

}
