package org.chamberlink.identity;

import java.util.Optional;

/**
 * Another name an account may sign in with (a member signs in with their mobile phone). Modules
 * that hold such names implement it; sign-in asks them when no account has the name typed.
 */
public interface LoginAlias {

	/** The username of the account {@code login} stands for, if this alias knows it. */
	Optional<String> usernameFor(String login);

}
