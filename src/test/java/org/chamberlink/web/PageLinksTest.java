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

	@Test
	void aLongListOffersTheFirstTheLastAndTheNeighboursOfTheCurrentPage() {
		assertThat(PageLinks.numbers(0, 1)).containsExactly(0);
		assertThat(PageLinks.numbers(2, 5)).containsExactly(0, 1, 2, 3, 4);
		assertThat(PageLinks.numbers(19, 40)).containsExactly(0, PageLinks.GAP, 17, 18, 19, 20, 21, PageLinks.GAP, 39);
		assertThat(PageLinks.numbers(0, 40)).containsExactly(0, 1, 2, PageLinks.GAP, 39);
		assertThat(PageLinks.numbers(39, 40)).containsExactly(0, PageLinks.GAP, 37, 38, 39);
	}

	@Test
	void theJumpFormSendsTheFilterBackDecodedWithoutThePageOrAnEarlierJump() {
		PageLinks links = new PageLinks("/members", "keyword=%E5%BC%A0%20%26%E4%B8%89&page=2&tier=CORE&jump=9&role=A&role=B");
		assertThat(links.filterFields()).extracting(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("keyword", "张 &三"),
					org.assertj.core.groups.Tuple.tuple("tier", "CORE"), org.assertj.core.groups.Tuple.tuple("role", "A"),
					org.assertj.core.groups.Tuple.tuple("role", "B"));
		assertThat(links.page(4)).isEqualTo("/members?keyword=%E5%BC%A0%20%26%E4%B8%89&tier=CORE&role=A&role=B&page=4");
	}

}
