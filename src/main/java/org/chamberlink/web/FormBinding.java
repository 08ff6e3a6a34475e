package org.chamberlink.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;

import org.chamberlink.shared.CalendarDates;
import java.util.List;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.ConfigurablePropertyAccessor;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.convert.ConversionService;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * A page form whose value cannot be converted (a date 2026-02-30, {@code employees=abc}, an
 * unknown enum) is a field error on the form drawn again, never a 500 (decision 30).
 * <p>
 * A form is a record, built by its constructor. When a value does not convert, Spring records the
 * error before the record exists and then builds it with that value empty, but the binding result
 * — what the page draws — keeps pointing at no record at all, so the page fails on
 * {@code form.orgId}. The binder here gives the binding result the record once it is built. Its
 * type-mismatch message names the field by the label the page shows ({@code member.joinedOn},
 * {@code dues.payment.paidOn}).
 */
@Configuration(proxyBeanMethods = false)
class FormBinding {

	@Bean
	WebMvcRegistrations formRecordBinding() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new RequestMappingHandlerAdapter() {

					@Override
					protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> methods) {
						return new ServletRequestDataBinderFactory(methods, getWebBindingInitializer()) {

							@Override
							protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
									NativeWebRequest request) {
								return new FormRecordBinder(target, objectName);
							}

						};
					}

				};
			}

		};
	}

	static final class FormRecordBinder extends ExtendedServletRequestDataBinder {

		FormRecordBinder(Object target, String objectName) {
			super(target, objectName);
			setBindingErrorProcessor(new LabelledErrors(this));
		}

		/** A form record's dates: one outside the plausible range is an error on its field (decision 30). */
		@Override
		public void construct(ValueResolver resolver) {
			super.construct(resolver);
			Object target = getTarget();
			if (target == null || !target.getClass().isRecord()) {
				return;
			}
			for (RecordComponent component : target.getClass().getRecordComponents()) {
				if (component.getType() != LocalDate.class || getBindingResult().hasFieldErrors(component.getName())) {
					continue;
				}
				try {
					LocalDate date = (LocalDate) component.getAccessor().invoke(target);
					if (!CalendarDates.plausible(date)) {
						getBindingResult().rejectValue(component.getName(), "input.dateRange",
								new Object[] { new LabelledErrors(this).getArgumentsForBindError(getObjectName(),
										component.getName())[0], CalendarDates.EARLIEST, CalendarDates.LATEST },
								null);
					}
				}
				catch (ReflectiveOperationException e) {
					throw new IllegalStateException(e);
				}
			}
		}

		@Override
		protected AbstractPropertyBindingResult createBeanPropertyBindingResult() {
			AbstractPropertyBindingResult usual = super.createBeanPropertyBindingResult();
			if (getTarget() != null) {
				return usual;
			}
			LateTarget late = new LateTarget(this);
			late.setMessageCodesResolver(usual.getMessageCodesResolver());
			if (getConversionService() != null) {
				late.initConversion(getConversionService());
			}
			return late;
		}

	}

	/** The binding result of a record built after binding began: its target is the binder's, once there. */
	static final class LateTarget extends AbstractPropertyBindingResult {

		private final transient DataBinder binder;

		private transient ConversionService conversion;

		private transient BeanWrapper wrapper;

		LateTarget(DataBinder binder) {
			super(binder.getObjectName());
			this.binder = binder;
		}

		@Override
		public void initConversion(ConversionService conversionService) {
			this.conversion = conversionService;
			super.initConversion(conversionService);
		}

		@Override
		public Object getTarget() {
			return binder.getTarget();
		}

		@Override
		public ConfigurablePropertyAccessor getPropertyAccessor() {
			Object target = getTarget();
			if (target == null) {
				throw new IllegalStateException("the form " + getObjectName() + " was not built");
			}
			if (wrapper == null || wrapper.getWrappedInstance() != target) {
				wrapper = PropertyAccessorFactory.forBeanPropertyAccess(target);
				wrapper.setExtractOldValueForEditor(true);
				wrapper.setAutoGrowNestedPaths(binder.isAutoGrowNestedPaths());
				wrapper.setAutoGrowCollectionLimit(binder.getAutoGrowCollectionLimit());
				if (conversion != null) {
					wrapper.setConversionService(conversion);
				}
			}
			return wrapper;
		}

	}

	/**
	 * Names a field whose value did not convert by its label: the form's own key, then the
	 * module's ({@code member.joinedOn}, {@code dues.payment.paidOn} for the form "payment" of
	 * dues), then {@code field.<name>}, then the bare name.
	 */
	static final class LabelledErrors extends DefaultBindingErrorProcessor {

		private final DataBinder binder;

		LabelledErrors(DataBinder binder) {
			this.binder = binder;
		}

		@Override
		protected Object[] getArgumentsForBindError(String objectName, String field) {
			List<String> codes = new ArrayList<>();
			codes.add(objectName + "." + field);
			String module = module();
			if (module != null) {
				codes.add(module + "." + objectName + "." + field);
				codes.add(module + "." + field);
			}
			codes.add("field." + field);
			codes.add(field);
			return new Object[] { new DefaultMessageSourceResolvable(codes.toArray(String[]::new), field) };
		}

		private String module() {
			Class<?> type = binder.getTargetType() != null ? binder.getTargetType().resolve()
					: binder.getTarget() != null ? binder.getTarget().getClass() : null;
			if (type == null || !type.getName().startsWith("org.chamberlink.")) {
				return null;
			}
			String rest = type.getName().substring("org.chamberlink.".length());
			return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : null;
		}

	}

}
