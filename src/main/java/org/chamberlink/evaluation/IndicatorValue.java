package org.chamberlink.evaluation;

import java.util.List;

/**
 * An indicator as measured on a date: its words (a message key and its arguments), whether it is
 * met (null where the scheme's reviewers judge the number), and the page of the records behind it.
 */
public record IndicatorValue(Indicator indicator, String messageKey, List<Object> args, Boolean met, String href) {

	public Object[] arguments() {
		return args.toArray();
	}

}
