package org.chamberlink.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {

	@Test
	void theNextPageKeepsTheFilterAsTypedAndReplacesOnlyThePage() {
		PageLinks links = new PageLinks("/members", "keyword=%E5%BC%A0%20%26%E4%B8%89&page=2&tier=CORE");
		assertThat(links.page(3)).isEqualTo("/members?keyword=%E5%BC%A0%20%26%E4%B8%89&tier=CORE&page=3");
		assertThat(links.filter()).isEqualTo("?keyword=%E5%BC%A0%20%26%E4%B8%89&tier=CORE");
	}

	@Test
	void aPageWithoutAFilterLinksToPageNumbersAndExportsEverything() {
		PageLinks links = new PageLinks("/cases", null);
		assertThat(links.page(1)).isEqualTo("/cases?page=1");
		assertThat(links.filter()).isEmpty();
	}

}
