package org.chamberlink;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		MODULES.verify();
	}

	@Test
	void writesModuleDiagramsIntoDocs() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();
	}

}
