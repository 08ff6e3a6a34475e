package org.chamberlink.organization;

import org.chamberlink.shared.Rate;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateAndCreditCodeTest {

	@Test
	void percentagesAreTruncatedToTwoDecimalsAsTheReportsDo() {
		assertThat(new Rate(1123, 1251).percent()).isEqualByComparingTo(new BigDecimal("89.76"));
		assertThat(new Rate(2, 3).percent()).isEqualByComparingTo(new BigDecimal("66.66"));
		assertThat(new Rate(5, 5).percent()).isEqualByComparingTo(new BigDecimal("100.00"));
		// the one way a page shows a rate: truncated, never rounded up (a share of members showed 70.4 % rounded)
		assertThat(Rate.of(7038, 9999).label()).isEqualTo("70.38 %");
		assertThat(Rate.of(2, 3).label()).isEqualTo("66.66 %");
		assertThat(Rate.of(1, 0).label()).isEqualTo("—");
		assertThat(new Rate(0, 0).percent()).isNull();
	}

	@Test
	void creditCodesAreCheckedWithTheirCheckCharacter() {
		assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(UnifiedSocialCreditCode.isValid("51130102MJ0000001K")).isTrue();
		assertThat(UnifiedSocialCreditCode.isValid("51130102MJ0000001L")).isFalse();
		assertThat(UnifiedSocialCreditCode.isValid("51130102MJ000000IK")).as("I is not in the charset").isFalse();
		assertThat(UnifiedSocialCreditCode.isValid("5113")).isFalse();
	}

}
