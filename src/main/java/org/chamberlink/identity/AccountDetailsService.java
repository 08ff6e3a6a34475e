package org.chamberlink.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final List<LoginAlias> aliases;

	AccountDetailsService(UserAccountRepository accounts, List<LoginAlias> aliases) {
		this.accounts = accounts;
		this.aliases = aliases;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String login = username.trim();
		return accounts.findByUsername(login)
			.or(() -> aliases.stream()
				.map(alias -> alias.usernameFor(login))
				.flatMap(Optional::stream)
				.findFirst()
				.flatMap(accounts::findByUsername))
			.map(UserAccount::toPrincipal)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
