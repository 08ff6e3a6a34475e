package org.chamberlink;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Keeps what STYLE.md asks for: entities and repositories stay inside their module. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chamberlink");

	@Test
	void entitiesArePackagePrivate() {
		classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void repositoriesArePackagePrivate() {
		classes().that().areAssignableTo(Repository.class).and().areInterfaces().should().notBePublic().check(CLASSES);
	}

	@Test
	void controllersStayOutOfOtherModulesInternals() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should(notDependOnAnotherModulesInternals())
			.check(CLASSES);
	}

	private static ArchCondition<JavaClass> notDependOnAnotherModulesInternals() {
		return new ArchCondition<>("not depend on another module's internal package") {
			@Override
			public void check(JavaClass controller, ConditionEvents events) {
				String own = module(controller.getPackageName());
				controller.getDirectDependenciesFromSelf().forEach(dependency -> {
					String target = dependency.getTargetClass().getPackageName();
					if (target.contains(".internal") && target.startsWith("org.chamberlink.")
							&& !module(target).equals(own)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

	private static String module(String packageName) {
		String rest = packageName.substring("org.chamberlink.".length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}


}
