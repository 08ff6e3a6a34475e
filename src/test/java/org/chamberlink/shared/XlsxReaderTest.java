package org.chamberlink.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxReaderTest {

	@Test
	void oneRowTooManyIsRefusedForTheRowLimitNotAsAFileThatIsNotExcel() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "组织", List.of("名称", "区划"))) {
			for (int i = 0; i < 11; i++) {
				writer.row(List.of("商会" + i, "130102"));
			}
		}
		assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("名称", "区划"), 10))
			.isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("import.tooManyRows"));
	}

	@Test
	void headersThatAreNotTheTemplatesAreSaidSo() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "组织", List.of("姓名", "电话"))) {
			writer.row(List.of("张三", "13900000000"));
		}
		assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("名称", "区划"), 10))
			.isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("import.wrongHeaders"));
	}

}
