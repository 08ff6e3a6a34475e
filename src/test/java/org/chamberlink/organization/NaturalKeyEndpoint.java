package org.chamberlink.organization;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One request mapping as {@link NaturalKeyWalker} sees it: method, pattern and the named inputs
 * it reads (request parameters, JSON body fields, form fields, an uploaded file), discovered from
 * the handler's signature so that a new endpoint is walked without anyone listing it.
 */
record NaturalKeyEndpoint(String method, String pattern, List<Input> inputs, Class<?> bean) {

	enum Where {
		QUERY, BODY, FORM, FILE
	}

	record Input(String name, Class<?> type, Where where, boolean required) {
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	static List<NaturalKeyEndpoint> discover(RequestMappingHandlerMapping mappings) {
		List<NaturalKeyEndpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new NaturalKeyEndpoint(method.name(), pattern, inputs(handler, method, pattern),
							handler.getBeanType()));
				}
			}
		});
		endpoints.sort(java.util.Comparator.comparing((NaturalKeyEndpoint e) -> !e.method().equals("GET"))
			.thenComparing(e -> !e.pathVariables().isEmpty())
			.thenComparing(NaturalKeyEndpoint::pattern)
			.thenComparing(NaturalKeyEndpoint::method));
		return endpoints;
	}

	private static List<Input> inputs(HandlerMethod handler, RequestMethod method, String pattern) {
		boolean query = method == RequestMethod.GET || pattern.startsWith("/api/");
		List<Input> inputs = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(NAMES);
			Class<?> type = parameter.getParameterType();
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (parameter.hasParameterAnnotation(PathVariable.class) || Arrays.stream(parameter.getParameterAnnotations())
				.anyMatch(a -> a.annotationType().getSimpleName().equals("AuthenticationPrincipal"))) {
				continue;
			}
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				components(type, Where.BODY, inputs);
			}
			else if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				boolean required = param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
				inputs.add(new Input(name, type, MultipartFile.class.isAssignableFrom(type) ? Where.FILE
						: query ? Where.QUERY : Where.FORM, required));
			}
			else if (type.isRecord() && type.getName().startsWith("org.chamberlink.")) {
				// a form object (@ModelAttribute) or a filter (@ParameterObject): its fields are request parameters
				components(type, query ? Where.QUERY : Where.FORM, inputs);
			}
		}
		return inputs;
	}

	private static void components(Class<?> type, Where where, List<Input> inputs) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				inputs.add(new Input(component.getName(), component.getType(), where, false));
			}
		}
	}

	boolean api() {
		return pattern.startsWith("/api/");
	}

	boolean get() {
		return method.equals("GET");
	}

	List<String> pathVariables() {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The path segment a variable follows: {@code parties} for {@code /api/v1/parties/{id}}. */
	String segmentBefore(String variable) {
		String head = pattern.substring(0, pattern.indexOf("{" + variable));
		String[] segments = head.split("/");
		return segments.length == 0 ? "" : segments[segments.length - 1];
	}

	String path(java.util.function.Function<String, String> values) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(path, Matcher.quoteReplacement(values.apply(matcher.group(1))));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	Optional<Input> input(String name) {
		return inputs.stream().filter(input -> input.name().equals(name)).findFirst();
	}

	boolean has(String name) {
		return input(name).isPresent();
	}

	boolean upload() {
		return inputs.stream().anyMatch(input -> input.where() == Where.FILE);
	}

	@Override
	public String toString() {
		return method + " " + pattern;
	}

}
