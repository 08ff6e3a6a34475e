package org.chamberlink.web;

import java.time.LocalDate;

import org.chamberlink.shared.figures.*;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures of every module through one interface: their definitions, and a value with its drill-down. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "figures", description = "统计指标 / figures of every module")
class FiguresApiController {

	/** A figure as the API describes it, with its name in the caller's language. */
	record Definition(String key, String label, FigureUnit unit, FigureRollUp rollUp, FigureTiming timing) {
	}

	record Figure(Definition figure, Long orgId, String orgName, LocalDate from, LocalDate to, FigureValue value,
			List<Figures.Below> below) {
	}

	private final Figures figures;

	private final MessageSource messages;

	private final java.time.Clock clock;

	FiguresApiController(Figures figures, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/figures")
	@Operation(summary = "Every figure the caller may read: key, name, unit, roll-up (a sum, or a ratio of two named figures) and how it uses the period")
	List<Definition> definitions(Locale locale) {
		return figures.definitions().stream().map(figure -> definition(figure, locale)).toList();
	}

	@GetMapping("/organizations/{id}/figures/{key}")
	@Operation(summary = "A figure of the organisation's subtree for from..to (default: this year up to today), with the same for its own level and each organisation directly below")
	Figure figure(@PathVariable Long id, @PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
		Figures.Result result = figures.figure(key, id, FigurePeriod.of(from, to, LocalDate.now(clock)));
		return new Figure(definition(result.figure(), locale), result.orgId(), result.orgName(), result.from(), result.to(),
				result.value(), result.below());
	}

	private Definition definition(FigureDefinition figure, Locale locale) {
		return new Definition(figure.key(), messages.getMessage(figure.labelKey(), null, locale), figure.unit(),
				figure.rollUp(), figure.timing());
	}

}
