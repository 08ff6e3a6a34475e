package org.chamberlink.member;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.chamberlink.organization.UnifiedSocialCreditCode;
import org.chamberlink.privacy.PersonalData;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Fills one province (河北省, from the real region tree) the way the benchmark needs it: a
 * federation per province, city and county, about 1,250 township chambers and 20 industry
 * chambers per county (about 5,000 organisations), 800,000 parties (three quarters enterprises,
 * most of them individual businesses; a quarter persons; some out-of-town and high-tech) and
 * 1,000,000 memberships (every party in one chamber, a quarter also in their county federation),
 * with roles, tiers, dates and leavers in realistic proportions, and a sprinkling of duplicates
 * (shared phones, the same enterprise entered under a variant name). Parties and memberships go
 * in with COPY; personal data is encrypted with the application's own key, as the application
 * would. Deterministic (fixed seed).
 */
final class ProvinceGenerator {

	static final String PROVINCE = "13";

	static final int PARTIES = 800_000;

	static final int SECOND_MEMBERSHIPS = 200_000;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志海燕玉红梅鹏飞辉斌宇浩凯丹晨阳雪琳";

	private static final String WORDS = "华鑫恒达兴盛泰丰源宏瑞嘉祥顺安通利隆昌新联合金银德信诚福永康";

	private static final String[] TRADES = { "建材", "食品", "餐饮", "商贸", "物流", "机械", "电子", "服装", "家具", "印刷", "化工", "医药",
			"塑料", "五金", "汽配", "农业", "养殖", "科技", "软件", "文化", "建筑", "装饰", "酒店", "超市", "药房", "美容", "维修" };

	/** Industry divisions, weighted towards what county members mostly are: retail, catering, wholesale, building. */
	private static final String[] INDUSTRIES = { "52", "52", "52", "52", "62", "62", "62", "51", "51", "48", "47", "50",
			"13", "14", "30", "33", "34", "18", "21", "54", "59", "61", "65", "72", "80", "81", "01", "03", "26", "29",
			"36", "38", "39", "70", "74", "83", "86" };

	private final DataSource dataSource;

	private final PersonalData personalData;

	private final Random random = new Random(20261123);

	private final HexFormat hex = HexFormat.of();

	ProvinceGenerator(DataSource dataSource, PersonalData personalData) {
		this.dataSource = dataSource;
		this.personalData = personalData;
	}

	/** An organisation created: its id, path, region and whether it is a chamber. */
	record Org(long id, String path, String regionCode, String name, boolean chamber, long countyId) {
	}

	/** Creates the tree and the members; returns the province federation's id. */
	long generate() throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			List<Org> chambers = new ArrayList<>();
			List<Org> counties = new ArrayList<>();
			long province = organizations(connection, chambers, counties);
			connection.commit();
			System.out.printf("  %d organisations%n", 1 + counties.size() + chambers.size() + 11);
			parties(connection, chambers, counties);
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("select setval(pg_get_serial_sequence('party', 'id'), (select max(id) from party))");
				statement.execute("select setval(pg_get_serial_sequence('membership', 'id'), (select max(id) from membership))");
				statement.execute("analyze");
			}
			connection.commit();
			return province;
		}
	}

	private long organizations(Connection connection, List<Org> chambers, List<Org> counties) throws SQLException {
		Org province = insert(connection, "FEDERATION", "PROVINCE", null, "河北省工商联（基准数据）", PROVINCE, null, 0);
		for (String[] city : regions(connection, "CITY", PROVINCE)) {
			Org cityOrg = insert(connection, "FEDERATION", "CITY", null, city[1] + "工商联", city[0], province, 0);
			for (String[] county : regions(connection, "COUNTY", city[0])) {
				Org countyOrg = insert(connection, "FEDERATION", "COUNTY", null, county[1] + "工商联", county[0], cityOrg, 0);
				counties.add(countyOrg);
				int t = 0;
				for (String[] township : regions(connection, "TOWNSHIP", county[0])) {
					// About 1,250 of Hebei's 2,254 townships have a township chamber.
					if (t++ % 9 < 5) {
						chambers.add(insert(connection, "CHAMBER", null, "TOWNSHIP", township[1] + "商会", township[0],
								countyOrg, countyOrg.id()));
					}
				}
				for (int i = 0; i < 20; i++) {
					chambers.add(insert(connection, "CHAMBER", null, "INDUSTRY",
							county[1] + TRADES[i % TRADES.length] + "行业商会" + (i >= TRADES.length ? "二" : ""), county[0],
							countyOrg, countyOrg.id()));
				}
			}
		}
		return province.id();
	}

	private static List<String[]> regions(Connection connection, String level, String parent) throws SQLException {
		List<String[]> regions = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select code, name from region where level = ? and parent_code = ? order by code")) {
			statement.setString(1, level);
			statement.setString(2, parent);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					regions.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		return regions;
	}

	private Org insert(Connection connection, String type, String level, String kind, String name, String region,
			Org parent, long countyId) throws SQLException {
		long id;
		try (PreparedStatement statement = connection.prepareStatement("""
				insert into organization (type, level, chamber_kind, name, region_code, parent_id, path, registered,
				                          party_organisation)
				values (?, ?, ?, ?, ?, ?, '/pending/', ?, ?) returning id
				""")) {
			statement.setString(1, type);
			statement.setString(2, level);
			statement.setString(3, kind);
			statement.setString(4, name);
			statement.setString(5, region);
			statement.setObject(6, parent == null ? null : parent.id());
			statement.setBoolean(7, kind != null && random.nextInt(10) < 7);
			statement.setString(8, kind != null && random.nextInt(10) < 4 ? "BRANCH" : "NONE");
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				id = rows.getLong(1);
			}
		}
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		try (PreparedStatement statement = connection.prepareStatement("update organization set path = ? where id = ?")) {
			statement.setString(1, path);
			statement.setLong(2, id);
			statement.executeUpdate();
		}
		return new Org(id, path, region, name, kind != null, countyId);
	}

	private void parties(Connection connection, List<Org> chambers, List<Org> counties) throws SQLException, IOException {
		java.util.Map<Long, Org> countyById = new java.util.HashMap<>();
		counties.forEach(county -> countyById.put(county.id(), county));
		this.chambersForRegion = chambers;
		long firstParty = nextId(connection, "party");
		long firstMembership = nextId(connection, "membership");
		PGConnection pg = connection.unwrap(PGConnection.class);
		try (Writer parties = writer(pg, "party (id, kind, name, name_key, credit_code, enterprise_kind, "
				+ "legal_representative, industry_code, size_class, employees, region_code, out_of_town, high_tech, gender, "
				+ "id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles)")) {
			for (int n = 0; n < PARTIES; n++) {
				writeParty(parties, firstParty + n, n);
			}
		}
		System.out.printf("  %d parties%n", PARTIES);
		Random roles = new Random(7);
		try (Writer memberships = writer(pg, "membership (id, party_id, org_id, org_path, role, tier, tier_reason, "
				+ "joined_on, left_on, leave_reason)")) {
			long id = firstMembership;
			for (int n = 0; n < PARTIES; n++) {
				// The same chamber writeParty took the region from: both derive it from the party number.
				Org chamber = chambers.get((int) Math.floorMod(mix(n), chambers.size()));
				writeMembership(memberships, id++, firstParty + n, chamber, roles);
				if (n % 4 == 0 && id - firstMembership < PARTIES + SECOND_MEMBERSHIPS) {
					writeMembership(memberships, id++, firstParty + n, countyById.get(chamber.countyId()), roles);
				}
			}
		}
		System.out.printf("  %d memberships%n", PARTIES + SECOND_MEMBERSHIPS);
		// each holder's own copy of the phone (decision 0019), for the same memberships as above
		try (Writer contacts = writer(pg, "party_contact (party_id, org_id, org_path, phone_cipher, phone_hash, "
				+ "phone_masked, phone_last4)")) {
			long memberships = 0;
			for (int n = 0; n < PARTIES; n++) {
				Org chamber = chambers.get((int) Math.floorMod(mix(n), chambers.size()));
				memberships++;
				String phone = phoneOf(n);
				PersonalValues ph = phone == null ? null : PersonalValues.phone(personalData, phone);
				if (ph != null) {
					row(contacts, firstParty + n, chamber.id(), chamber.path(), bytes(ph.cipher()), bytes(ph.hash()),
							ph.masked(), ph.last4());
				}
				if (n % 4 == 0 && memberships < PARTIES + SECOND_MEMBERSHIPS) {
					memberships++;
					Org county = countyById.get(chamber.countyId());
					if (ph != null) {
						row(contacts, firstParty + n, county.id(), county.path(), bytes(ph.cipher()), bytes(ph.hash()),
								ph.masked(), ph.last4());
					}
				}
			}
		}
		System.out.println("  contacts of every holder");
	}

	/** Every fifth party has no phone; every 211th shares the previous one's (a likely duplicate). */
	private static String phoneOf(int n) {
		return n % 5 == 4 ? null : "13" + String.format("%09d", n % 211 == 0 && n > 0 ? n - 1 : n);
	}

	private static long mix(long n) {
		long x = n * 0x9E3779B97F4A7C15L;
		return (x ^ (x >>> 31)) & Long.MAX_VALUE;
	}

	private void writeParty(Writer out, long partyId, int n) throws IOException {
		boolean person = n % 4 == 3;
		String region = regionOf(n);
		int roll = random.nextInt(100);
		String enterpriseKind = person ? null : roll < 55 ? "INDIVIDUAL_BUSINESS" : roll < 95 ? "PRIVATE_ENTERPRISE" : "OTHER";
		String name;
		if (person) {
			name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
		}
		else {
			// Every 500th enterprise repeats the previous one's name with a variant suffix: a likely duplicate.
			Random names = new Random(n % 500 == 1 ? n - 1 : n);
			String base = WORDS.charAt(names.nextInt(WORDS.length())) + "" + WORDS.charAt(names.nextInt(WORDS.length()))
					+ TRADES[names.nextInt(TRADES.length)];
			name = base + (n % 500 == 1 ? "（河北）有限责任公司" : suffix(enterpriseKind));
		}
		String creditCode = person ? null
				: UnifiedSocialCreditCode.complete((enterpriseKind.equals("INDIVIDUAL_BUSINESS") ? "92" : "91")
						+ region.substring(0, 6) + String.format("%09d", n));
		String idNumber = null;
		if (person) {
			LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n / 1000 % 18000);
			String first17 = region.substring(0, 6) + born.toString().replace("-", "") + String.format("%03d", n % 1000);
			idNumber = first17 + IdentityCardNumber.checkCharacter(first17);
		}
		PersonalValues id = idNumber == null ? PersonalValues.NONE : PersonalValues.identityNumber(personalData, idNumber);
		boolean outOfTown = !person && random.nextInt(100) < 12;
		boolean highTech = !person && random.nextInt(100) < 7;
		String size = person ? null : new String[] { "MICRO", "MICRO", "MICRO", "SMALL", "SMALL", "MEDIUM", "LARGE" }[random.nextInt(7)];
		row(out, partyId, person ? "PERSON" : "ENTERPRISE", name, PartyNames.key(name), creditCode, enterpriseKind,
				person ? null : SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(random.nextInt(GIVEN.length())),
				INDUSTRIES[random.nextInt(INDUSTRIES.length)], size, person ? null : 1 + random.nextInt(200), region,
				outOfTown, highTech, person ? (random.nextBoolean() ? "MALE" : "FEMALE") : null, bytes(id.cipher()),
				bytes(id.hash()), id.masked(), person && random.nextInt(100) < 30, null);
	}

	private List<Org> chambersForRegion;

	/** The region of the chamber party n joins (a township, or the county of an industry chamber). */
	private String regionOf(int n) {
		return chambersForRegion.get((int) Math.floorMod(mix(n), chambersForRegion.size())).regionCode();
	}

	private void writeMembership(Writer out, long id, long partyId, Org org, Random roles) throws IOException {
		int roll = roles.nextInt(1000);
		String role = roll < 2 ? "PRESIDENT" : roll < 12 ? "VICE_PRESIDENT" : roll < 15 ? "SECRETARY_GENERAL"
				: roll < 55 ? "STANDING_DIRECTOR" : roll < 135 ? "DIRECTOR" : roll < 150 ? "SUPERVISOR" : "MEMBER";
		String tier = MemberRole.valueOf(role).defaultTier().name();
		String reason = null;
		if (role.equals("MEMBER") && roles.nextInt(100) < 6) {
			tier = "PERIPHERAL";
			reason = "长期未参加活动";
		}
		// Joining dates from 2000, most of them recent.
		int daysBack = (int) (Math.pow(roles.nextDouble(), 2) * 9400);
		LocalDate joined = LocalDate.of(2026, 10, 31).minusDays(daysBack);
		LocalDate left = roles.nextInt(100) < 7 ? joined.plusDays(1 + roles.nextInt(Math.max(1, daysBack))) : null;
		row(out, id, partyId, org.id(), org.path(), role, tier, reason, joined, left, left == null ? null : "企业注销或迁出");
	}

	private static String suffix(String enterpriseKind) {
		return switch (enterpriseKind) {
			case "INDIVIDUAL_BUSINESS" -> new String[] { "店", "商行", "经营部", "饭店", "超市" }[Math.floorMod(enterpriseKind.hashCode(), 5)];
			case "PRIVATE_ENTERPRISE" -> "有限公司";
			default -> "厂";
		};
	}

	private String bytes(byte[] value) {
		return value == null ? null : "\\x" + hex.formatHex(value);
	}

	private static void row(Writer out, Object... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			if (values[i] != null) {
				out.write('"');
				out.write(values[i].toString().replace("\"", "\"\""));
				out.write('"');
			}
		}
		out.write('\n');
	}

	private static Writer writer(PGConnection connection, String table) throws SQLException {
		return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection,
				"copy " + table + " from stdin with (format csv)", 1 << 20), StandardCharsets.UTF_8), 1 << 20);
	}

	private static long nextId(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
