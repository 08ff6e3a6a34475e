package org.chamberlink.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.publication.Policies;
import org.chamberlink.publication.PolicyInput;
import org.chamberlink.publication.PolicyTopic;
import org.chamberlink.publication.Publications;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * The policy library and a publication for the demo: a few provincial and county policies for
 * manufacturing, software and every enterprise, one expired; the county's 光彩通讯 with two monthly
 * issues and the last one's distribution list.
 */
@Component
class DemoPublications {

	/** A one-page PDF that says nothing: enough for the demo's issues to open. */
	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
			+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		.getBytes(StandardCharsets.ISO_8859_1);

	private final Policies policies;

	private final Publications publications;

	private final Clock clock;

	DemoPublications(Policies policies, Publications publications, Clock clock) {
		this.policies = policies;
		this.publications = publications;
		this.clock = clock;
	}

	void fill(OrganizationSummary province, OrganizationSummary county, OrganizationSummary chamber) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		policy(province, "关于进一步支持民营企业融资的若干措施", "河北省人民政府办公厅", "冀政办字〔2026〕12号", today.minusMonths(3), null,
				List.of("13"), List.of(), Set.of(PolicyTopic.FINANCE),
				"一、扩大民营企业信贷投放。二、对首贷、续贷给予贴息。三、完善政府性融资担保体系，担保费率不超过1%。");
		policy(province, "制造业企业技术改造专项补助办法", "河北省工业和信息化厅", "冀工信规〔2026〕3号", today.minusMonths(2), null,
				List.of("13"), List.of("C"), Set.of(PolicyTopic.SUBSIDY, PolicyTopic.INNOVATION),
				"对制造业企业当年完成的技术改造项目，按设备投资额的10%给予补助，单个项目最高500万元。");
		policy(province, "软件和信息技术服务企业增值税即征即退", "国家税务总局河北省税务局", "冀税发〔2026〕8号", today.minusMonths(1), null,
				List.of("13"), List.of("I"), Set.of(PolicyTopic.TAX), "软件产品增值税实际税负超过3%的部分即征即退。");
		policy(county, county.name() + "稳岗返还实施细则", county.name() + "人力资源和社会保障局", null, today.minusWeeks(2), null,
				List.of(county.regionCode()), List.of(), Set.of(PolicyTopic.EMPLOYMENT, PolicyTopic.SUBSIDY),
				"上年度未裁员或裁员率低于规定比例的参保企业，按上年度实际缴纳失业保险费的60%返还。");
		policy(province, "小微企业融资担保降费旧办法", "河北省财政厅", "冀财金〔2021〕5号", LocalDate.of(2021, 3, 1), LocalDate.of(2023, 12, 31),
				List.of("13"), List.of(), Set.of(PolicyTopic.FINANCE), "已被新办法替代。");

		Long publication = publications.create(county.id(), "光彩通讯");
		for (int back = 1; back >= 0; back--) {
			LocalDate month = today.minusMonths(back).withDayOfMonth(1);
			Long issue = publications.addIssue(publication, month.getYear() + "年第" + month.getMonthValue() + "期", month, 1000,
					"光彩通讯" + month.getYear() + "-" + month.getMonthValue() + ".pdf", PDF);
			publications.distribute(issue, Map.of(county.id(), 400, chamber.id(), 600));
		}
	}

	private void policy(OrganizationSummary org, String title, String issuer, String number, LocalDate issued, LocalDate validTo,
			List<String> regions, List<String> industries, Set<PolicyTopic> topics, String body) {
		Long id = policies.create(new PolicyInput(org.id(), title, issuer, number, issued, issued, validTo,
				regions, industries, topics, body));
		policies.publish(id);
	}

}
