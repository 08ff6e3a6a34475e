package org.chamberlink.activity.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 text: escaped (3.3.11) and folded at 75 octets without cutting a character's UTF-8 bytes (3.1). */
class ActivityCalendarTest {

	@Test
	void textEscapesBackslashSemicolonCommaAndLineBreaks() {
		assertThat(ActivityCalendar.text("a\\b;c,d\r\ne\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
	}

	@Test
	void aLongLineIsFoldedAtWholeCharactersAndUnfoldsToItself() {
		String line = "SUMMARY:" + "民营经济促进法宣讲会😀".repeat(12) + "abc";
		String folded = ActivityCalendar.fold(line);
		for (String part : folded.split("\r\n")) {
			assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(part).doesNotContain("\uFFFD");
		}
		assertThat(folded.split("\r\n")).hasSizeGreaterThan(5).allSatisfy(part -> assertThat(part).isNotEmpty());
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
		assertThat(ActivityCalendar.fold("UID:activity-1@chamberlink")).isEqualTo("UID:activity-1@chamberlink");
	}

}
