package org.chamberlink.benefit;

import org.springframework.context.ApplicationContext;

/**
 * Card codes for the benchmark ({@code BENCHMARK_ONLY=benefit}): issued by the application's own
 * signer, as a member's phone would show them, for members the benchmark picks.
 */
public final class BenchmarkCardCodes {

	private BenchmarkCardCodes() {
	}

	/** A code for the member, issued now and good for two minutes. */
	public static String issue(ApplicationContext context, long partyId) {
		return context.getBean(CardCodes.class).issue(partyId);
	}

}
