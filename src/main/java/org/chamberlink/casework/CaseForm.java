package org.chamberlink.casework;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A case as staff file it (or a court refers a mediation): one record per kind, each with the
 * fields its kind has. The API's JSON keeps one shape, its {@code kind} choosing the record; a
 * missing or unknown kind reads as {@link KindMissing}, which filing refuses naming {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind",
		visible = true, defaultImpl = CaseForm.KindMissing.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = NeedForm.class, name = "NEED"),
		@JsonSubTypes.Type(value = ComplaintForm.class, name = "COMPLAINT"),
		@JsonSubTypes.Type(value = MediationForm.class, name = "MEDIATION") })
// The kind arrives as a property of the JSON but is each record's constant: nothing to bind.
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface CaseForm permits NeedForm, ComplaintForm, MediationForm, CaseForm.KindMissing {

	/** Null only for {@link KindMissing}. */
	CaseKind kind();

	CaseCategory category();

	Long orgId();

	/** The member concerned; a mediation may be between two non-members. */
	Long partyId();

	String title();

	String description();

	/** The visit the case was raised in, if any. */
	Long visitId();

	/** For a case entered after the fact (补录): when it was received and, closed already, how; else null. */
	PastCase past();

	/** The same case entered after the fact. */
	CaseForm withPast(PastCase past);

	/** An empty form of a kind for a member (and a visit), as the filing page starts. */
	static CaseForm blank(CaseKind kind, Long orgId, Long partyId, Long visitId) {
		return switch (kind) {
			case NEED -> new NeedForm(null, orgId, partyId, null, null, visitId);
			case COMPLAINT -> ComplaintForm.fromVisit(null, orgId, partyId, null, null, visitId);
			case MEDIATION -> MediationForm.blank(orgId, partyId);
		};
	}

	/** A need, or a consultation, of a member: what and why, nothing against anyone. */
	static CaseForm of(CaseCategory category, Long orgId, Long partyId, String title, String description) {
		return fromVisit(category, orgId, partyId, title, description, null);
	}

	/** A complaint of a member against a respondent, with the amount involved (yuan as typed). */
	static ComplaintForm complaint(CaseCategory category, Long orgId, Long partyId, String title, String description,
			RespondentKind respondentKind, String respondentName, String amountInvolved) {
		return new ComplaintForm(category, orgId, partyId, title, description, respondentKind, respondentName,
				amountInvolved, null, null);
	}

	/** A mediation between a member (the applicant) and another side, with the amount in dispute. */
	static MediationForm mediation(CaseCategory category, Long orgId, Long partyId, String title, String description,
			String respondentName, String amountInDispute, String mediators, String applicantContact,
			String respondentContact) {
		return MediationForm.between(category, orgId, partyId, title, description, respondentName, amountInDispute,
				mediators, applicantContact, respondentContact);
	}

	/** A need or complaint raised during a visit: the visit's member and organisation; the category decides the kind. */
	static CaseForm fromVisit(CaseCategory category, Long orgId, Long partyId, String title, String description,
			Long visitId) {
		if (category == null) {
			return new KindMissing();
		}
		return switch (category.kind()) {
			case COMPLAINT -> ComplaintForm.fromVisit(category, orgId, partyId, title, description, visitId);
			case NEED -> new NeedForm(category, orgId, partyId, title, description, visitId);
			case MEDIATION -> throw new IllegalArgumentException("a mediation is not raised in a visit: " + category);
		};
	}

	/** What the API reads when {@code kind} is missing or unknown; filing refuses it (case.kindRequired). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KindMissing() implements CaseForm {

		@Override
		public CaseKind kind() {
			return null;
		}

		@Override
		public CaseCategory category() {
			return null;
		}

		@Override
		public Long orgId() {
			return null;
		}

		@Override
		public Long partyId() {
			return null;
		}

		@Override
		public String title() {
			return null;
		}

		@Override
		public String description() {
			return null;
		}

		@Override
		public Long visitId() {
			return null;
		}

		@Override
		public PastCase past() {
			return null;
		}

		@Override
		public CaseForm withPast(PastCase past) {
			return this;
		}

	}

}
