package org.chamberlink.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

	Optional<ApiToken> findByIdAndUserId(Long id, Long userId);

}
