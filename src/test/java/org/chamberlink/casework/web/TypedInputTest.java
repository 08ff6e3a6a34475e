package org.chamberlink.casework.web;

import org.chamberlink.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedInputTest {

	@Test
	void aDayTheSystemCannotMeanIsRefusedOnItsFieldLikeOneThatIsNotADate() {
		for (String typed : new String[] { "0000-01-01", "+99999-01-01", "2026-02-30", "上周五" }) {
			assertThatThrownBy(() -> TypedInput.date(typed, "heldOn", "mediation.heldOn.invalid")).as(typed)
				.isInstanceOfSatisfying(RuleViolationException.class,
						refused -> assertThat(refused.field()).isEqualTo("heldOn"));
		}
		assertThat(TypedInput.date(" 2026-03-02 ", "heldOn", "mediation.heldOn.invalid")).hasToString("2026-03-02");
		assertThat(TypedInput.date("", "heldOn", "mediation.heldOn.invalid")).isNull();
	}

}
