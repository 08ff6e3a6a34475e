package org.chamberlink.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface UserAccountRepository extends CrudRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	java.util.List<UserAccount> findByUsernameIn(java.util.Collection<String> usernames);

	java.util.List<UserAccount> findByOrgIdOrderByUsername(Long orgId);

	java.util.List<UserAccount> findByOrgIdInAndEnabledTrueOrderByUsername(java.util.Collection<Long> orgIds);

}
