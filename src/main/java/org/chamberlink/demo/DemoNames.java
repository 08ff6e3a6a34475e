package org.chamberlink.demo;

/**
 * Names for the demo's leaders that read like people's names (张卫东, 李秀兰), always the same for
 * the same number, so the demo looks alike on every machine.
 */
final class DemoNames {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";

	private static final String[] GIVEN = { "建国", "卫东", "秀兰", "志强", "海燕", "国华", "丽娟", "振华", "春梅", "永刚",
			"晓明", "桂英", "文杰", "红霞", "德胜", "淑珍", "立新", "玉兰", "长青", "建军", "雪梅", "福生", "惠敏", "宏伟" };

	private DemoNames() {
	}

	static String person(int number) {
		int n = Math.floorMod(number * 7919, SURNAMES.length() * GIVEN.length);
		return SURNAMES.charAt(n % SURNAMES.length()) + GIVEN[n / SURNAMES.length() % GIVEN.length];
	}

}
