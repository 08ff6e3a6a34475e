package org.chamberlink.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chamberlink.shared.CalendarDates;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every JSON text field reads (decision 30): a string, never a boolean coerced to "true"
 * (a wrong type is a 400 naming the field), and never a NUL character, which PostgreSQL cannot
 * store. Form fields and query parameters are checked by {@link NulCharacterFilter}.
 */
@Configuration(proxyBeanMethods = false)
class TextInputs {

	/** Marks the refusal so that {@code ApiExceptionHandler} can say what was wrong with the field. */
	static final String NUL_REFUSED = "text contains a NUL character";

	@Bean
	SimpleModule strictTextModule() {
		SimpleModule module = new SimpleModule("chamberlink-text-inputs");
		module.addDeserializer(String.class, new TextDeserializer());
		module.addDeserializer(LocalDate.class, new CalendarDateDeserializer());
		return module;
	}

	/** Marks a date outside the plausible range ({@link CalendarDates}). */
	static final String DATE_REFUSED = "date outside the plausible range";

	/** An ISO date (yyyy-MM-dd) the calendar has, between 1900 and 2099. */
	static final class CalendarDateDeserializer extends StdScalarDeserializer<LocalDate> {

		CalendarDateDeserializer() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
			}
			String text = p.getString().strip();
			if (text.isEmpty()) {
				return null;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(text);
			}
			catch (DateTimeParseException e) {
				throw ctxt.weirdStringException(text, LocalDate.class, "not a date of the calendar (yyyy-MM-dd)");
			}
			if (!CalendarDates.plausible(date)) {
				throw ctxt.weirdStringException(text, LocalDate.class, DATE_REFUSED);
			}
			return date;
		}

	}

	/** The usual string reader, minus booleans, minus NUL. */
	static final class TextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String text = super.deserialize(p, ctxt);
			if (text != null && containsNul(text)) {
				throw ctxt.weirdStringException(text, String.class, NUL_REFUSED);
			}
			return text;
		}

	}

	static boolean containsNul(String text) {
		return text.indexOf('\0') >= 0;
	}

}
