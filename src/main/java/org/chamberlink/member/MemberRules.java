package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.UnifiedSocialCreditCode;
import org.chamberlink.region.Regions;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The checks every new member passes, whether typed into the form, sent to the API or read
 * from an import row: each problem names its field, so all of them can be shown at once.
 */
@Component
class MemberRules {

	private final Regions regions;

	private final Industries industries;

	private final Clock clock;

	MemberRules(Regions regions, Industries industries, Clock clock) {
		this.regions = regions;
		this.industries = industries;
		this.clock = clock;
	}

	List<FieldProblem> check(NewMember member, OrganizationType targetType) {
		return check(member, targetType, code -> regions.find(code).isPresent());
	}

	/** As above, with the region lookup given (an import checks against a set read once). */
	List<FieldProblem> check(NewMember member, OrganizationType targetType, Predicate<String> knownRegion) {
		List<FieldProblem> problems = new ArrayList<>();
		if (member.kind() == null) {
			problems.add(new FieldProblem("kind", "member.kindRequired"));
			return problems;
		}
		if (member.orgId() == null) {
			problems.add(new FieldProblem("orgId", "member.orgRequired"));
		}
		switch (member.kind()) {
			case ENTERPRISE -> enterprise(member, problems);
			case PERSON -> person(member, problems);
			case GROUP -> group(member, targetType, problems);
		}
		// every kind that carries an industry (a person's too): a code not in the list would fail the
		// column's reference, so it is refused naming the field (decision 30)
		if (StringUtils.hasText(member.industryCode()) && !industries.isDivision(member.industryCode())) {
			problems.add(new FieldProblem("industryCode", "member.industryUnknown", member.industryCode().trim()));
		}
		if (member.kind() != PartyKind.GROUP) {
			name(member.name(), problems);
			if (StringUtils.hasText(member.phone()) && !MobilePhone.isValid(member.phone())) {
				problems.add(new FieldProblem("phone", "member.phoneInvalid"));
			}
			if (StringUtils.hasText(member.regionCode()) && !knownRegion.test(member.regionCode().trim())) {
				problems.add(new FieldProblem("regionCode", "member.regionUnknown", member.regionCode().trim()));
			}
		}
		membership(member, problems);
		return problems;
	}

	private void enterprise(NewMember member, List<FieldProblem> problems) {
		creditCode(member.creditCode(), problems);
		if (member.enterpriseKind() == null) {
			problems.add(new FieldProblem("enterpriseKind", "member.enterpriseKindRequired"));
		}
		if (member.employees() != null && member.employees() < 0) {
			problems.add(new FieldProblem("employees", "member.employeesNegative"));
		}
		if (member.legalRepresentative() != null && member.legalRepresentative().trim().length() > 50) {
			problems.add(new FieldProblem("legalRepresentative", "member.tooLong", 50));
		}
	}

	private void person(NewMember member, List<FieldProblem> problems) {
		if (StringUtils.hasText(member.idNumber())
				&& !IdentityCardNumber.isValid(member.idNumber(), LocalDate.now(clock))) {
			problems.add(new FieldProblem("idNumber", "member.idNumberInvalid"));
		}
		else if (StringUtils.hasText(member.idNumber()) && member.gender() != null
				&& member.gender() != IdentityCardNumber.gender(member.idNumber())) {
			// the 17th digit says the holder's sex: a mismatch is a typing error in one of the two
			problems.add(new FieldProblem("gender", "member.genderDoesNotMatchIdNumber",
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							"gender." + IdentityCardNumber.gender(member.idNumber()).name())));
		}
		if (member.publicRoles() != null && member.publicRoles().trim().length() > 200) {
			problems.add(new FieldProblem("publicRoles", "member.tooLong", 200));
		}
	}

	/**
	 * A group member is an organisation of the tree, or an outside body (an association not in the
	 * tree) by its name and unified social credit code — one or the other (decision 31).
	 */
	private void group(NewMember member, OrganizationType targetType, List<FieldProblem> problems) {
		if (member.groupOrgId() != null && StringUtils.hasText(member.creditCode())) {
			problems.add(new FieldProblem("groupOrgId", "member.groupOrgOrOutsideBody"));
		}
		else if (member.groupOrgId() != null) {
			if (member.groupOrgId().equals(member.orgId())) {
				problems.add(new FieldProblem("groupOrgId", "member.groupOrgSelf"));
			}
		}
		else if (member.isOutsideBody()) {
			name(member.name(), problems);
			creditCode(member.creditCode(), problems);
		}
		else {
			problems.add(new FieldProblem("groupOrgId", "member.groupOrgRequired"));
		}
		if (targetType == OrganizationType.CHAMBER) {
			problems.add(new FieldProblem("orgId", "member.groupOnlyInFederation"));
		}
	}

	private static void creditCode(String code, List<FieldProblem> problems) {
		if (!StringUtils.hasText(code)) {
			problems.add(new FieldProblem("creditCode", "member.creditCodeRequired"));
		}
		else if (!UnifiedSocialCreditCode.isValid(code.trim().toUpperCase())) {
			problems.add(new FieldProblem("creditCode", "member.creditCodeInvalid"));
		}
	}

	private void name(String name, List<FieldProblem> problems) {
		if (!StringUtils.hasText(name)) {
			problems.add(new FieldProblem("name", "member.nameRequired"));
		}
		else if (name.trim().length() > 200) {
			problems.add(new FieldProblem("name", "member.tooLong", 200));
		}
	}

	private void membership(NewMember member, List<FieldProblem> problems) {
		if (member.role() == null) {
			problems.add(new FieldProblem("role", "member.roleRequired"));
		}
		else if (member.tier() != null && member.tier() != member.role().defaultTier()
				&& !StringUtils.hasText(member.tierReason())) {
			problems.add(new FieldProblem("tierReason", "member.tierReasonRequired"));
		}
		if (member.tierReason() != null && member.tierReason().strip().length() > 200) {
			problems.add(new FieldProblem("tierReason", "input.tooLong",
					new org.springframework.context.support.DefaultMessageSourceResolvable("member.tierReason"), 200));
		}
		if (member.joinedOn() == null) {
			problems.add(new FieldProblem("joinedOn", "member.joinedOnRequired"));
		}
		else if (member.joinedOn().isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("joinedOn", "member.joinedOnFuture"));
		}
	}

}
