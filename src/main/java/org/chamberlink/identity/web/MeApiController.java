package org.chamberlink.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "当前用户 / the signed-in user")
class MeApiController {

	private final ApiTokens tokens;

	MeApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record Me(Long id, String username, String displayName, Long orgId, Set<Role> roles,
			boolean passwordChangeRequired) {
	}

	record NewToken(@NotBlank @Size(max = 100) String name) {
	}

	@GetMapping
	@Operation(summary = "The current user, their organisation node and roles")
	Me me(@AuthenticationPrincipal AccountPrincipal me) {
		return new Me(me.id(), me.getUsername(), me.displayName(), me.orgId(), me.roles(),
				me.passwordChangeRequired());
	}

	@GetMapping("/tokens")
	@Operation(summary = "The current user's personal API tokens (never their secrets)")
	List<ApiTokens.TokenInfo> tokens(@AuthenticationPrincipal AccountPrincipal me) {
		return tokens.list(me.id());
	}

	@PostMapping("/tokens")
	@Operation(summary = "Create a personal API token; the secret is in this response only")
	ResponseEntity<ApiTokens.CreatedToken> createToken(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @RequestBody NewToken request) {
		ApiTokens.CreatedToken created = tokens.create(me.id(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens")).body(created);
	}

	@DeleteMapping("/tokens/{id}")
	@Operation(summary = "Revoke one of the current user's tokens; effective at once")
	ResponseEntity<Void> revokeToken(@AuthenticationPrincipal AccountPrincipal me, @PathVariable Long id) {
		tokens.revoke(me.id(), id);
		return ResponseEntity.noContent().build();
	}

}
