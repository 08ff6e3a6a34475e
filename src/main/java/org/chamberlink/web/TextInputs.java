package org.chamberlink.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
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
		return module;
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
