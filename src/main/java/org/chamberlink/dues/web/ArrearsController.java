package org.chamberlink.dues.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.dues.BillFilter;
import org.chamberlink.dues.BillState;
import org.chamberlink.dues.DuesBills;
import org.chamberlink.shared.Fen;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberRole;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Arrears (欠费): bills past their due date and not settled, anywhere in the caller's subtree,
 * with filters, and the same list as Excel (streamed, one batch of rows in memory at a time).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ArrearsController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private static final List<String> HEADERS = List.of("会员名称", "所属组织", "年度", "职务", "应缴（元）", "已缴（元）",
			"减免（元）", "欠缴（元）", "缴费期限", "逾期天数");

	private final DuesBills bills;

	private final Organizations organizations;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	ArrearsController(DuesBills bills, Organizations organizations, MessageSource messages, AuditTrail audit,
			Clock clock) {
		this.bills = bills;
		this.organizations = organizations;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/dues/arrears")
	String arrears(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		BillFilter filter = filter(org, year, role, keyword, me);
		model.addAttribute("filter", filter);
		model.addAttribute("node", filter.orgId() == null ? null : organizations.get(filter.orgId()));
		model.addAttribute("bills", bills.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("memberRoles", MemberRole.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/arrears";
	}

	/** The arrears list as the filter gives it, for paper: every bill up to {@link PageSizes#PRINT}. */
	@GetMapping("/dues/arrears/print")
	String print(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String keyword,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		BillFilter filter = filter(org, year, role, keyword, me);
		model.addAttribute("node", filter.orgId() == null ? null : organizations.get(filter.orgId()));
		model.addAttribute("bills", bills.search(filter, PageRequest.of(0, PageSizes.PRINT)));
		model.addAttribute("printLimit", PageSizes.PRINT);
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/arrears-print";
	}

	@GetMapping("/dues/arrears/export")
	void export(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String keyword,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, HttpServletResponse response)
			throws IOException {
		BillFilter filter = filter(org, year, role, keyword, me);
		if (filter.orgId() != null) {
			// out of scope must be a clean 404, before the file's headers are written
			organizations.get(filter.orgId());
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("欠费名单.xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		LocalDate today = LocalDate.now(clock);
		int[] rows = new int[1];
		try (XlsxWriter writer = XlsxWriter.open(response.getOutputStream(), "欠费名单", HEADERS)) {
			bills.forEach(filter, bill -> {
				writer.row(List.of(bill.partyName(), bill.orgName(), bill.year(),
						messages.getMessage("memberRole." + bill.role(), null, locale), Fen.yuan(bill.amountFen()),
						Fen.yuan(bill.paidFen()), Fen.yuan(bill.waivedFen()), Fen.yuan(bill.outstandingFen()),
						bill.dueOn().toString(), java.time.temporal.ChronoUnit.DAYS.between(bill.dueOn(), today)));
				rows[0]++;
			});
		}
		audit.record(AuditEntry.of("EXPORT").entity("DuesBill", "arrears").summary("audit.summary.rowsExported", rows[0]));
	}

	private static BillFilter filter(Long org, Integer year, MemberRole role, String keyword, AccountPrincipal me) {
		return new BillFilter(org != null ? org : me.orgId(), true, year, BillState.OVERDUE, role, keyword);
	}

}
