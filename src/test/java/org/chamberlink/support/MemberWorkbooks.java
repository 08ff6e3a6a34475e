package org.chamberlink.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.chamberlink.member.MemberImport;
import org.chamberlink.shared.XlsxWriter;

/** Member import files as people fill them in, and reading back what the system returns. */
public final class MemberWorkbooks {

	private MemberWorkbooks() {
	}

	/** A template row for an enterprise: 会员类别 … 入会日期. */
	public static List<Object> enterprise(String name, String creditCode, String phone) {
		return Arrays.asList("企业", name, creditCode, "私营企业", "张三", "13", "小型", "25", "130102", "否", "否", "", "", phone,
				"", "", "会员", "2024-03-01");
	}

	public static List<Object> person(String name, String idNumber, String phone) {
		return Arrays.asList("个人", name, "", "", "", "", "", "", "130102", "否", "", "女", idNumber, phone, "是", "区政协委员",
				"理事", "2023/6/15");
	}

	public static byte[] xlsx(List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "会员", MemberImport.HEADERS)) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

	/** The data rows of the first sheet, by column index. */
	public static List<Map<Integer, String>> read(byte[] xlsx) {
		return read(xlsx, 0);
	}

	/** The data rows of a sheet (0 the first), by column index. */
	public static List<Map<Integer, String>> read(byte[] xlsx, int sheet) {
		List<Map<Integer, String>> rows = new ArrayList<>();
		FastExcel.read(new ByteArrayInputStream(xlsx), new cn.idev.excel.read.listener.ReadListener<Map<Integer, String>>() {
			@Override
			public void invoke(Map<Integer, String> row, cn.idev.excel.context.AnalysisContext context) {
				rows.add(new LinkedHashMap<>(row));
			}

			@Override
			public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
			}
		}).sheet(sheet).doRead();
		return rows;
	}

}
