package org.chamberlink.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class BackLinkTest {

	@Test
	void theWayBackIsTheListAsTheUserLeftItWhenTheyCameFromIt() {
		assertThat(from("http://localhost/members?keyword=%E5%BC%A0&page=2").to("/members"))
			.isEqualTo("/members?keyword=%E5%BC%A0&page=2");
		assertThat(from("http://localhost/members").to("/members")).isEqualTo("/members");
	}

	@Test
	void fromAnywhereElseItIsTheListUnfiltered() {
		assertThat(from("http://localhost/members/12/edit").to("/members")).isEqualTo("/members");
		assertThat(from("http://localhost/members-export").to("/members")).isEqualTo("/members");
		assertThat(from("https://evil.example/members?x=1").to("/members")).isEqualTo("/members");
		assertThat(from("not a uri ::").to("/members")).isEqualTo("/members");
		assertThat(BackLink.of(new MockHttpServletRequest()).to("/cases")).isEqualTo("/cases");
	}

	private static BackLink from(String referer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/members/12");
		request.setServerName("localhost");
		request.addHeader("Referer", referer);
		return BackLink.of(request);
	}

}
