package org.chamberlink.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseFiling;
import org.chamberlink.casework.CaseForm;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.casework.CaseTransfers;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.MediationRecords;
import org.chamberlink.casework.ResolveForm;
import org.chamberlink.casework.RespondentKind;
import org.chamberlink.casework.Upload;
import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.OrganizationSummary;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Casework for the demo chambers: needs and complaints at every stage (one handed to the county
 * and resolved there with money recovered, one rated), a mediation that ended in an agreement
 * with its document, and this quarter's visit plan partly done, so the case list, the trail, the
 * figures and the member portal have something real to show.
 */
@Component
class DemoCases {

	private final CaseFiling filing;

	private final CaseWorkflow workflow;

	private final CaseTransfers transfers;

	private final CaseSatisfaction satisfaction;

	private final MediationRecords mediation;

	private final VisitWorkflow visits;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoCases(CaseFiling filing, CaseWorkflow workflow, CaseTransfers transfers, CaseSatisfaction satisfaction,
			MediationRecords mediation, VisitWorkflow visits, AccountManagement accounts, Clock clock) {
		this.accounts = accounts;
		this.filing = filing;
		this.workflow = workflow;
		this.transfers = transfers;
		this.satisfaction = satisfaction;
		this.mediation = mediation;
		this.visits = visits;
		this.clock = clock;
	}

	/** Fills one chamber; {@code parties} come from the demo members, the first a person with a portal sign-in. */
	void fill(OrganizationSummary chamber, OrganizationSummary county, List<Long> parties) {
		Long person = parties.get(0);
		// the person's complaint: handed to the county, resolved there with money recovered, rated
		Long complaint = filing.file(complaint(chamber, person, "装修检查乱收费", "镇执法队检查时收取“管理费”3,000 元，未开票据。",
				"某镇综合执法队", "3000"));
		workflow.accept(complaint, null, "已电话联系会员核实情况");
		transfers.offer(complaint, county.id(), "涉及执法部门，请区工商联维权服务中心协调");
		// the county's own staff take the transfer (only the receiving organisation may)
		asCountyStaff(county, () -> transfers.accept(complaint, "维权服务中心接办"));
		workflow.resolve(complaint, new ResolveForm("经协调，执法队已退还收取的费用并致歉。", "3000", null), null);
		satisfaction.followUp(complaint, 5, "很满意，办得快");
		// a need in progress and one just submitted
		Long need = filing.file(CaseForm.fromVisit(CaseCategory.FINANCING, chamber.id(), parties.get(1), "扩大经营需贷款 50 万元",
				"计划新开一家门店，希望商会协调银行办理小微企业贷款。", null));
		workflow.accept(need, null, null);
		workflow.start(need, "已推荐到合作银行");
		filing.file(CaseForm.fromVisit(CaseCategory.UTILITIES, chamber.id(), parties.get(2), "门店用电增容",
				"厨房设备增加，需申请电力增容。", null));
		// a complaint rejected with a reason, a consultation resolved
		Long consultation = filing.file(CaseForm.of(CaseCategory.CONSULTATION, chamber.id(), parties.get(3),
				"员工社保缴纳基数咨询", "想了解餐饮行业员工社保缴纳基数。"));
		workflow.accept(consultation, null, null);
		workflow.resolve(consultation, new ResolveForm("已由法律顾问电话解答并提供政策文件。", null, null), null);
		// rated satisfied on the phone: the chamber's points for it (decision 36)
		satisfaction.followUp(consultation, 4, "解答清楚");
		// a mediation between a member and a supplier, ended in agreement with its document
		Long dispute = filing.file(CaseForm.mediation(CaseCategory.DEBT, chamber.id(), parties.get(4),
				"食材货款纠纷", "供货商称会员拖欠三个月货款，会员称部分食材质量不合格。", "某食品批发部", "86000", "商会调解委员会",
				"13900001111", "0311-80000000"));
		workflow.accept(dispute, null, null);
		mediation.session(dispute, LocalDate.now(clock).minusDays(3), "商会会议室", "商会调解委员会", "双方各自陈述，约定核对送货单。");
		workflow.resolve(dispute, new ResolveForm("双方达成调解协议。", null, "会员分两期支付货款 80,000 元，供货商减免 6,000 元。"),
				new Upload("调解协议书.txt", "text/plain",
						"调解协议书\n甲方、乙方就货款纠纷自愿达成如下协议……".getBytes(StandardCharsets.UTF_8)));
		// this quarter's visits: three planned, one done with a need raised
		int year = LocalDate.now(clock).getYear();
		int quarter = (LocalDate.now(clock).getMonthValue() - 1) / 3 + 1;
		Long visit = visits.plan(chamber.id(), parties.get(5), year, quarter, "秘书长", "了解经营情况");
		visits.plan(chamber.id(), parties.get(6), year, quarter, "秘书长", "走访新入会会员");
		visits.plan(chamber.id(), parties.get(7), year, quarter, "副会长", null);
		visits.complete(visit, LocalDate.now(clock).minusDays(1), "经营正常，反映招工难。",
				List.of(new VisitWorkflow.RaisedNeed(CaseCategory.TALENT, "招聘厨师 2 名", null)));
	}

	private void asCountyStaff(OrganizationSummary county, Runnable step) {
		SecurityContext previous = SecurityContextHolder.getContext();
		AccountPrincipal staff = accounts.findByUsername("admin_" + county.regionCode()).orElseThrow();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			step.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static CaseForm complaint(OrganizationSummary chamber, Long party, String title, String description,
			String respondent, String amount) {
		return CaseForm.complaint(CaseCategory.ARBITRARY_CHARGES, chamber.id(), party, title, description,
				RespondentKind.AUTHORITY, respondent, amount);
	}

}
