package org.chamberlink.demo;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.NoticeForm;
import org.chamberlink.notice.NoticeInbox;
import org.chamberlink.notice.NoticeKind;
import org.chamberlink.notice.NoticeSending;
import org.chamberlink.notice.NoticeUpload;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.stereotype.Component;

/**
 * Notices for the demo, from a county federation: a pinned notice to every organisation below and
 * every member, read by the first chamber; a notice to the township chambers only; a data call with
 * an Excel template that the first chamber has answered — so the inbox, the receipt board, the
 * progress board and the merged workbook have something real.
 */
@Component
class DemoNotices {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final NoticeSending sending;

	private final NoticeInbox inbox;

	private final DataCalls dataCalls;

	private final Clock clock;

	DemoNotices(NoticeSending sending, NoticeInbox inbox, DataCalls dataCalls, Clock clock) {
		this.sending = sending;
		this.inbox = inbox;
		this.dataCalls = dataCalls;
		this.clock = clock;
	}

	/** {@code chamberAccount} is an account of {@code chamber}, which reads and replies. */
	void fill(OrganizationSummary county, AccountPrincipal chamberAccount) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long pinned = sending.send(null, new NoticeForm(county.id(), NoticeKind.NOTICE, "关于做好" + today.getYear() + "年度会员发展统计工作的通知",
				"<p>各商会、会员企业：</p><p>为掌握全区民营经济组织发展情况，请各商会于<b>本月底前</b>核对会员名册，"
						+ "做好会员发展统计工作。</p><ol><li>核对在册会员及其职务、层级；</li><li>补录新入会会员；</li>"
						+ "<li>办理退会会员的退会手续。</li></ol><p>联系电话：0311-8888 0000</p>",
				null, null, true, null, true, List.of(), List.of(), List.of(), null, List.of(), true, List.of(), List.of(), List.of(),
				List.of()));
		sending.send(null, new NoticeForm(county.id(), NoticeKind.NOTICE, "关于开展“万企兴万村”行动典型案例征集的通知",
				"<p>请各乡镇（街道）商会组织会员企业报送参与乡村振兴的典型案例。</p>", null, null, false, null, true, List.of(),
				List.of("CHAMBER"), List.of("TOWNSHIP"), null, List.of(), false, List.of(), List.of(), List.of(), List.of()));
		Long call = sending.send(null, NoticeForm.dataCall(county.id(), today.getYear() + "年度会员发展情况报送",
				"<p>请各商会下载填报模板，如实填写本年度会员发展情况，于截止时间前报送。</p>", today.plusDays(7).atTime(17, 0), List.of()),
				List.of(), new NoticeUpload("会员发展情况填报模板.xlsx", XLSX, workbook(List.of())));
		if (chamberAccount != null) {
			inbox.openForOrganization(chamberAccount, pinned);
			inbox.openForOrganization(chamberAccount, call);
			dataCalls.reply(chamberAccount, call, "已按模板填写，请审核。", List.of(new NoticeUpload("会员发展情况.xlsx", XLSX,
					workbook(List.of(List.of("新发展会员", "12", "其中企业 9 家"), List.of("退会会员", "2", ""),
							List.of("年末在册会员", "186", ""))))));
		}
	}

	private static byte[] workbook(List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "填报", List.of("指标", "数量", "说明"))) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

}
