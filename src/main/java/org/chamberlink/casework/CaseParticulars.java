package org.chamberlink.casework;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a case of one kind records beyond what every case has, checked as typed: the respondent
 * and amount of a complaint, the sides, amount, mediators and court of a mediation. A need has none.
 */
final class CaseParticulars {

	private RespondentKind respondentKind;

	private String respondentName;

	private Long amountInvolvedFen;

	private String counselName;

	private Long amountInDisputeFen;

	private String mediators;

	private String courtName;

	private String courtCaseNumber;

	private CaseParticulars() {
	}

	static CaseParticulars none() {
		return new CaseParticulars();
	}

	static CaseParticulars of(ComplaintForm form) {
		CaseParticulars particulars = new CaseParticulars();
		particulars.amountInvolvedFen = CaseInput.amount(form.amountInvolved(), "amountInvolved", "case.amountInvolved");
		particulars.respondentKind = form.respondentKind();
		particulars.respondentName = CaseInput.optional(form.respondentName(), 200, "respondentName", "case.respondent");
		particulars.counselName = CaseInput.optional(form.counselName(), 100, "counselName", "case.counsel");
		return particulars;
	}

	/** The mediation's own fields; its two sides are checked by {@link #sides}. */
	static CaseParticulars of(MediationForm form) {
		CaseParticulars particulars = new CaseParticulars();
		particulars.amountInDisputeFen = CaseInput.amount(form.amountInDispute(), "amountInDispute",
				"case.amountInDispute");
		particulars.respondentName = CaseInput.optional(form.respondentName(), 200, "respondentName", "case.respondent");
		particulars.mediators = CaseInput.optional(form.mediators(), 300, "mediators", "case.mediators");
		particulars.courtName = CaseInput.optional(form.courtName(), 200, "courtName", "case.courtName");
		particulars.courtCaseNumber = CaseInput.optional(form.courtCaseNumber(), 100, "courtCaseNumber",
				"case.courtCaseNumber");
		return particulars;
	}

	/**
	 * The two sides of a mediation: the applicant (the member unless another name is given) and the
	 * respondent, both required, with their contacts.
	 */
	static Sides sides(MediationForm form, String memberName) {
		String applicant = CaseInput.blankToNull(form.applicantName()) == null ? memberName : form.applicantName();
		CaseInput.text(applicant, 200, "applicantName", "case.applicantRequired");
		CaseInput.text(form.respondentName(), 200, "respondentName", "case.respondentRequired");
		return new Sides(applicant, CaseInput.optional(form.applicantContact(), 100, "applicantContact",
				"case.applicantContact"), CaseInput.optional(form.respondentContact(), 100, "respondentContact",
						"case.respondentContact"));
	}

	/** Writes them onto the case just inserted. */
	void store(JdbcClient jdbc, Long caseId) {
		jdbc.sql("""
				update service_case set respondent_kind = :respondentKind, respondent_name = :respondentName,
				    amount_involved_fen = :amountInvolved, counsel_name = :counsel, amount_in_dispute_fen = :inDispute,
				    mediators = :mediators, court_name = :court, court_case_number = :courtNumber
				where id = :id
				""")
			.param("respondentKind", respondentKind == null ? null : respondentKind.name())
			.param("respondentName", respondentName)
			.param("amountInvolved", amountInvolvedFen)
			.param("counsel", counselName)
			.param("inDispute", amountInDisputeFen)
			.param("mediators", mediators)
			.param("court", courtName)
			.param("courtNumber", courtCaseNumber)
			.param("id", caseId)
			.update();
	}

	String respondentName() {
		return respondentName;
	}

	/** The applicant's name and the two contacts, as checked. */
	record Sides(String applicant, String applicantContact, String respondentContact) {
	}

}
