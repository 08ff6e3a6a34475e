package org.chamberlink.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A region the NBS file lacks (a new development zone or street), added by an administrator. */
public record NewRegion(@NotBlank @Pattern(regexp = "\\d{4}|\\d{6}|\\d{9}") String code,
		@NotBlank @Size(max = 100) String name, @NotBlank String parentCode) {
}
