package org.chamberlink.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewLeadershipTerm(@NotNull LeadershipRole role, @NotBlank @Size(max = 100) String personName,
		Boolean nonPublicEconomy, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
}
