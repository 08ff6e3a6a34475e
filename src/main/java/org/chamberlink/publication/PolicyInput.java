package org.chamberlink.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A policy as staff enter it.
 *
 * @param regionCodes administrative divisions it applies to (none: everywhere)
 * @param industryCodes GB/T 4754 sections or divisions it applies to (none: every industry)
 */
public record PolicyInput(Long orgId, String title, String issuer, String docNumber,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, List<String> regionCodes, List<String> industryCodes,
		Set<PolicyTopic> topics, String body) {

	public PolicyInput {
		regionCodes = cleaned(regionCodes);
		industryCodes = cleaned(industryCodes);
		topics = topics == null ? Set.of() : Set.copyOf(topics);
	}

	private static List<String> cleaned(List<String> codes) {
		return codes == null ? List.of()
				: codes.stream().filter(java.util.Objects::nonNull).flatMap(c -> java.util.Arrays.stream(c.split("[,，\\s]+")))
					.map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
	}

}
