package org.chamberlink.identity;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The generated first-run password: strong, random, and always acceptable to the password policy. */
class FirstAdministratorPasswordTest {

	@RepeatedTest(50)
	void aGeneratedPasswordSatisfiesThePolicy() {
		String password = FirstAdministrator.generatePassword();
		assertThat(password).hasSize(20).doesNotContain("0", "O", "1", "l", "I");
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("newPassword", "admin", password));
	}

	@Test
	void generatedPasswordsDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			seen.add(FirstAdministrator.generatePassword());
		}
		assertThat(seen).hasSize(1000);
	}

}
